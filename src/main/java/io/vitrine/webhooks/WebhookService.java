package io.vitrine.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Managing subscriptions and reading their delivery log; sending is the {@link Dispatcher}'s job. */
public final class WebhookService {
    private static final Pattern EVENT_PATTERN = Pattern.compile("\\*|[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*(\\.\\*)?");
    private static final int MAX_PATTERNS = 50;

    private final WebhookStore store;
    private final UrlGuard guard;
    private final Supplier<String> ids;
    private final Clock clock;
    private final Predicate<String> collectionExists;

    public WebhookService(WebhookStore store, UrlGuard guard, Supplier<String> ids, Clock clock, Predicate<String> collectionExists) {
        this.store = store;
        this.guard = guard;
        this.ids = ids;
        this.clock = clock;
        this.collectionExists = collectionExists;
    }

    /** What a client asks for; {@code secret} null: one is generated and shown once. */
    public record NewWebhook(String url, List<String> events, String collection, String secret, String createdBy) {}

    /** The stored subscription and the secret to show once (null when the caller chose it). */
    public record Created(Subscription subscription, String generatedSecret) {}

    public Created create(NewWebhook r) {
        if (r.url() == null || r.url().isBlank()) {
            throw new InvalidWebhookException("'url' is required: the http(s) address to post events to");
        }
        List<String> events = events(r.events());
        String secret = r.secret();
        if (secret != null && (secret.length() < 16 || secret.length() > 200)) {
            throw new InvalidWebhookException("'secret' must be 16 to 200 characters (or left out to have one generated)");
        }
        if (r.collection() != null && !collectionExists.test(r.collection())) {
            throw new InvalidWebhookException("there is no collection '" + r.collection() + "' to filter by");
        }
        URI url = guard.check(r.url().strip());
        String chosen = secret == null ? Signature.newSecret() : secret;
        Subscription s = new Subscription(ids.get(), url, events, r.collection(), chosen, clock.instant().truncatedTo(ChronoUnit.MICROS), r.createdBy());
        store.insert(s);
        return new Created(s, secret == null ? chosen : null);
    }

    private static List<String> events(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidWebhookException("'events' must list at least one event type, such as \"asset.ready\", \"asset.*\" or \"*\"");
        }
        if (raw.size() > MAX_PATTERNS) {
            throw new InvalidWebhookException("'events' may list at most " + MAX_PATTERNS + " types");
        }
        for (String p : raw) {
            if (p == null || p.length() > 100 || !EVENT_PATTERN.matcher(p).matches()) {
                throw new InvalidWebhookException("'" + p + "' is not an event type or pattern: use names like asset.ready, "
                        + "a prefix with .* (asset.*) or * for everything");
            }
        }
        return List.copyOf(new LinkedHashSet<>(raw));
    }

    public Subscription get(String id) {
        return store.find(id).orElseThrow(() -> new WebhookNotFoundException("no webhook " + id));
    }

    public List<Subscription> list() {
        return store.list();
    }

    public void delete(String id) {
        if (!store.delete(id)) {
            throw new WebhookNotFoundException("no webhook " + id);
        }
    }

    public List<Delivery> deliveries(String id, String before, int limit) {
        get(id);
        return store.deliveries(id, before, limit);
    }

    /** Sends the delivery's message again, as a new delivery (the log keeps both). */
    public Delivery replay(String id, String deliveryId) {
        get(id);
        Delivery d = store.delivery(id, deliveryId)
                .orElseThrow(() -> new WebhookNotFoundException("webhook " + id + " has no delivery " + deliveryId));
        return store.replay(d, ids.get(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
