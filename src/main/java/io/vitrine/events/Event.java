package io.vitrine.events;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a subject (an asset id, or null for events about nothing in
 * particular): {@code type} such as {@code asset.ready}, when, and a small JSON-able payload.
 * Receivers fetch the full state through the API; the payload only says what changed.
 */
public record Event(String id, String type, String subject, Instant time, Map<String, Object> data) {
    public Event {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
