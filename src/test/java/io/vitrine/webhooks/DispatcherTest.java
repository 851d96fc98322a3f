package io.vitrine.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.asset.Ids;
import io.vitrine.db.Database;
import io.vitrine.db.Json;
import io.vitrine.db.TestDatabases;
import io.vitrine.events.Events;
import io.vitrine.events.jdbc.JdbiOutbox;
import io.vitrine.webhooks.http.JdkWebhookSender;
import io.vitrine.webhooks.jdbc.JdbiWebhookStore;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatcherTest {
    Database db;
    JdbiWebhookStore store;
    Events events;
    final Ids ids = new Ids();
    final AtomicReference<String> dns = new AtomicReference<>("127.0.0.1");
    UrlGuard guard;
    Dispatcher dispatcher;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh("h2");
        store = new JdbiWebhookStore(db.handles());
        Clock clock = Clock.systemUTC();
        events = new Events(new WebhookFanOut(new JdbiOutbox(db.handles(), Json.mapper()), store, Json.mapper(),
                () -> ids.next(clock.instant()), asset -> java.util.Set.of()), clock);
        // "hooks.test" answers whatever the test says, like a DNS server that rebinds between check and use
        guard = new UrlGuard(List.of("127.0.0.1"),
                host -> host.equals("hooks.test") ? new InetAddress[] {InetAddress.getByName(dns.get())} : InetAddress.getAllByName(host));
        dispatcher = new Dispatcher(store, new JdkWebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(2)), guard, Json.mapper(),
                clock, new Dispatcher.Settings(1, 5, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(1),
                        Duration.ofMillis(100), Duration.ofDays(30), "urn:vitrine:test", "node"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_host_that_rebinds_to_an_internal_address_after_subscribing_is_refused_at_delivery_time() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookService service = new WebhookService(store, guard, () -> ids.next(java.time.Instant.now()), Clock.systemUTC(), c -> false);
            String url = receiver.url("/in").replace("127.0.0.1", "hooks.test");
            Subscription s = service.create(new WebhookService.NewWebhook(url, List.of("*"), null, null, "t")).subscription();
            dns.set("10.0.0.1");
            events.record(Events.ASSET_READY, "a1", Map.of());
            Delivery d = store.claim("node", java.time.Instant.now(), Duration.ofMinutes(1), 1).getFirst();
            dispatcher.send(d, "node");
            Delivery after = store.delivery(s.id(), d.id()).orElseThrow();
            assertThat(after.status()).isEqualTo(Delivery.Status.PENDING);
            assertThat(after.attempts()).isEqualTo(1);
            assertThat(after.lastError()).contains("resolves to 10.0.0.1").contains("private address");
            assertThat(after.nextAttemptAt()).isAfter(after.lastAttemptAt());
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void backoff_doubles_from_the_base_up_to_the_cap_with_jitter() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long full = Math.min(Duration.ofMinutes(5).toMillis(), Duration.ofSeconds(10).toMillis() << (attempt - 1));
            Duration b = dispatcher.backoff(attempt);
            assertThat(b.toMillis()).as("attempt %d", attempt).isBetween(full / 2, full);
        }
    }
}
