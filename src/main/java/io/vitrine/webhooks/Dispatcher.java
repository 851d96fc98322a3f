package io.vitrine.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries as CloudEvents 1.0 (structured JSON) signed the Standard Webhooks way.
 * Deliveries are leased before sending, so several nodes never send the same one at once, and
 * all state is in the database, so a restart resumes where the last run stopped. A 2xx is
 * delivered; anything else (3xx included: redirects are never followed), a timeout or a refused
 * address is retried with exponential backoff and jitter, then {@code dead} after the last attempt.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 8;

    /** {@code source}: the CloudEvents source attribute; {@code node}: who holds leases. */
    public record Settings(int threads, int maxAttempts, Duration backoff, Duration maxBackoff, Duration lease,
            Duration poll, Duration retention, String source, String node) {}

    private final WebhookStore store;
    private final WebhookSender sender;
    private final UrlGuard guard;
    private final ObjectMapper json;
    private final Clock clock;
    private final Settings settings;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile Instant lastPrune = Instant.EPOCH;

    public Dispatcher(WebhookStore store, WebhookSender sender, UrlGuard guard, ObjectMapper json, Clock clock, Settings settings) {
        this.store = store;
        this.sender = sender;
        this.guard = guard;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    public synchronized Dispatcher start() {
        running = true;
        for (int i = 1; i <= settings.threads(); i++) {
            String name = "vitrine-webhooks-" + i;
            threads.add(Thread.ofPlatform().name(name).daemon(true).start(() -> loop(settings.node() + "/" + name)));
        }
        return this;
    }

    private void loop(String node) {
        while (running) {
            try {
                List<Delivery> due = store.claim(node, clock.instant(), settings.lease(), BATCH);
                due.forEach(d -> send(d, node));
                pruneNowAndThen();
                if (due.isEmpty()) {
                    Thread.sleep(settings.poll());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("webhook dispatcher could not reach the database; retrying: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    void send(Delivery d, String node) {
        Subscription s = store.find(d.subscriptionId()).orElse(null);
        if (s == null) {
            return; // deleted meanwhile; its deliveries went with it
        }
        Instant at = clock.instant();
        WebhookStore.Attempt outcome;
        try {
            URI url = guard.check(s.url().toString());
            byte[] body = cloudEvent(d);
            int code = sender.post(url, headers(s, d, at, body), body);
            outcome = code >= 200 && code < 300
                    ? new WebhookStore.Attempt(Delivery.Status.DELIVERED, code, null, at, null)
                    : failed(d, code, "the receiver answered HTTP " + code + (code >= 300 && code < 400 ? " (redirects are not followed)" : ""), at);
        } catch (UnsafeUrlException e) {
            outcome = failed(d, null, e.getMessage(), at);
        } catch (IOException e) {
            outcome = failed(d, null, describe(e), at);
        }
        if (!store.recordAttempt(d, node, outcome)) {
            LOG.warn("webhook delivery {} finished after its lease ran out; another sender took it over", d.id());
        }
    }

    private WebhookStore.Attempt failed(Delivery d, Integer code, String error, Instant at) {
        int attempts = d.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            LOG.warn("webhook delivery {} is dead after {} attempts: {}", d.id(), attempts, error);
            return new WebhookStore.Attempt(Delivery.Status.DEAD, code, error, at, null);
        }
        return new WebhookStore.Attempt(Delivery.Status.PENDING, code, error, at, at.plus(backoff(attempts)));
    }

    /** base × 2^(attempts-1), capped, then "equal jitter": between half and all of it. */
    Duration backoff(int attempts) {
        long base = settings.backoff().toMillis();
        long full = Math.min(settings.maxBackoff().toMillis(), base << Math.min(attempts - 1, 20));
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }

    byte[] cloudEvent(Delivery d) throws IOException {
        ObjectNode e = json.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", d.eventId());
        e.put("source", settings.source());
        e.put("type", "io.vitrine." + d.eventType());
        if (d.subject() != null) {
            e.put("subject", d.subject());
        }
        e.put("time", d.eventAt().toString());
        e.put("datacontenttype", "application/json");
        e.put("vitrinecoalesced", d.coalesced());
        e.set("data", json.readTree(d.data()));
        return json.writeValueAsBytes(e);
    }

    private static Map<String, String> headers(Subscription s, Delivery d, Instant at, byte[] body) {
        long ts = at.getEpochSecond();
        return Map.of("Content-Type", "application/cloudevents+json; charset=utf-8",
                "User-Agent", "Vitrine-Webhooks/1",
                "webhook-id", d.eventId(),
                "webhook-timestamp", Long.toString(ts),
                "webhook-signature", Signature.sign(s.secret(), d.eventId(), ts, body));
    }

    private void pruneNowAndThen() {
        Instant now = clock.instant();
        if (lastPrune.plus(Duration.ofHours(1)).isBefore(now)) {
            lastPrune = now;
            store.prune(now.minus(settings.retention()));
        }
    }

    private static String describe(IOException e) {
        String kind = e instanceof java.net.http.HttpTimeoutException ? "timed out" : "could not be reached";
        return "the receiver " + kind + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.poll().multipliedBy(4));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }
}
