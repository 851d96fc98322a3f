package io.vitrine.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.events.Event;
import io.vitrine.events.Outbox;
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

    public WebhookFanOut(Outbox delegate, WebhookStore store, ObjectMapper json, Supplier<String> ids) {
        this.delegate = delegate;
        this.store = store;
        this.json = json;
        this.ids = ids;
    }

    @Override
    public void append(Event e) {
        delegate.append(e);
        String data = null;
        for (Subscription s : store.list()) {
            if (s.matches(e.type())) {
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
