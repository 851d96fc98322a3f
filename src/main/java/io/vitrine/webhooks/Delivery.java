package io.vitrine.webhooks;

import java.time.Instant;

/**
 * One message to one subscription, and its history: the latest event it carries (newer events
 * about the same subject merged into it while it waited: {@code coalesced} counts them), status
 * {@code pending | delivered | dead}, attempts and the last answer.
 */
public record Delivery(String id, String subscriptionId, String subject, String eventId, String eventType, Instant eventAt,
        String data, int coalesced, Status status, int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError,
        Instant lastAttemptAt, Instant deliveredAt, String replayOf, Instant createdAt) {

    public enum Status {
        PENDING, DELIVERED, DEAD;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
