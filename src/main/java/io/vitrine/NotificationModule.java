package io.vitrine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.Ids;
import io.vitrine.config.VitrineConfig;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.events.EventFeed;
import io.vitrine.events.Events;
import io.vitrine.events.jdbc.JdbiOutbox;
import io.vitrine.webhooks.Dispatcher;
import io.vitrine.webhooks.UrlGuard;
import io.vitrine.webhooks.WebhookFanOut;
import io.vitrine.webhooks.WebhookService;
import io.vitrine.webhooks.http.JdkWebhookSender;
import io.vitrine.webhooks.jdbc.JdbiWebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Events and what follows them: the outbox every service records into (with webhook fan-out in
 * the same transaction), the dispatcher that sends deliveries, and the feed behind the live stream.
 */
final class NotificationModule implements AutoCloseable {
    final Events events;
    final WebhookService webhooks;
    final EventFeed feed;
    private final Dispatcher dispatcher;
    private boolean dispatching;
    private boolean feeding;

    NotificationModule(VitrineConfig config, Handles handles, ObjectMapper json, Clock clock, String node) {
        VitrineConfig.Webhooks c = config.webhooks();
        Ids ids = new Ids();
        Supplier<String> newId = () -> ids.next(clock.instant());
        JdbiOutbox outbox = new JdbiOutbox(handles, json);
        JdbiWebhookStore store = new JdbiWebhookStore(handles);
        UrlGuard guard = new UrlGuard(c.allow());
        var collections = new io.vitrine.collection.jdbc.JdbiCollectionRepository(handles);
        events = new Events(new WebhookFanOut(outbox, store, json, newId, collections::collectionsWith), clock);
        webhooks = new WebhookService(store, guard, newId, clock, id -> collections.find(id).isPresent());
        feed = new EventFeed(outbox, clock, Duration.ofMillis(200), c.eventRetention());
        dispatcher = new Dispatcher(store, new JdkWebhookSender(c.timeout(), c.timeout()), guard, json, clock,
                new Dispatcher.Settings(2, c.maxAttempts(), c.backoff(), c.maxBackoff(), c.timeout().multipliedBy(3).plusMinutes(1),
                        Duration.ofMillis(200), Duration.ofDays(30), "urn:vitrine", node));
    }

    /** Worker nodes send webhooks. */
    synchronized void startDispatching() {
        if (!dispatching) {
            dispatching = true;
            dispatcher.start();
        }
    }

    /** API nodes follow the event log for their live-stream clients. */
    synchronized void startFeed() {
        if (!feeding) {
            feeding = true;
            feed.start();
        }
    }

    @Override
    public synchronized void close() {
        dispatcher.close();
        feed.close();
    }
}
