package io.vitrine.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Where to send which events. {@code events} holds exact types ({@code asset.ready}), prefix
 * wildcards ({@code asset.*} covers {@code asset.tags.reviewed} too) or {@code *}; {@code collection}
 * (null: any) narrows them to events about assets in that collection at the time of the event. The
 * secret signs every delivery and never leaves the server again.
 */
public record Subscription(String id, URI url, List<String> events, String collection, String secret, Instant createdAt,
        String createdBy) {
    public Subscription {
        events = List.copyOf(events);
    }

    public boolean matches(String type) {
        return events.stream().anyMatch(p -> matches(p, type));
    }

    static boolean matches(String pattern, String type) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }
}
