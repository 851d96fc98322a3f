package io.vitrine.notification;

import java.time.Instant;
import java.util.Map;

/** A message to one person (her user id, or the token id of a token without a user); {@code readAt} null = unread. */
public record Notification(String id, String recipientId, String type, String assetId, Map<String, String> data,
        Instant createdAt, Instant readAt) {

    public Notification {
        data = Map.copyOf(data);
    }
}
