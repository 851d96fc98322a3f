package io.vitrine.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.events.Event;
import io.vitrine.events.Outbox;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@link Outbox} decorator: appends the event, then, in the same transaction, queues it for
 * every subscription whose filter matches, merged into a delivery still waiting for the same
 * subject when there is one. So a committed change always has its deliveries, a rolled-back one
 * never does, and a million re-tags of one asset make one pending delivery, not a million.
 */
public final class WebhookFanOut implements Outbox {
    private final Outbox delegate;
    private final WebhookStore store;
    private final ObjectMapper json;
    private final Supplier<String> ids;
    private final Function<String, Set<String>> collectionsOf;

    /** {@code collectionsOf}: the ids of the collections an asset is in (read in the same transaction). */
    public WebhookFanOut(Outbox delegate, WebhookStore store, ObjectMapper json, Supplier<String> ids,
            Function<String, Set<String>> collectionsOf) {
        this.delegate = delegate;
        this.store = store;
        this.json = json;
        this.ids = ids;
        this.collectionsOf = collectionsOf;
    }

    @Override
    public void append(Event e) {
        delegate.append(e);
        String data = null;
        Set<String> collections = null;
        for (Subscription s : store.list()) {
            if (s.matches(e.type()) && s.collection() != null) {
                collections = collections != null ? collections : e.subject() == null ? Set.of() : collectionsOf.apply(e.subject());
            }
            if (s.matches(e.type()) && (s.collection() == null || collections.contains(s.collection()))) {
                data = data != null ? data : write(e);
                store.coalesce(s, e, data, ids.get(), e.time());
            }
        }
    }

    private String write(Event e) {
        try {
            return json.writeValueAsString(e.data());
        } catch (JsonProcessingException x) {
            throw new IllegalArgumentException("event data is not serializable: " + x.getOriginalMessage(), x);
        }
    }
}
