package io.vitrine.enrich;

import java.time.Instant;

/**
 * An AI-proposed (or human) concept on an asset. A draft until a person accepts or rejects it;
 * {@code decidedAt} records when. Re-running the model updates the confidence but keeps the decision.
 */
public record Tag(String concept, double confidence, Status status, String source, String model, String modelVersion,
        Instant createdAt, Instant decidedAt) {

    public enum Status {
        DRAFT, ACCEPTED, REJECTED;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status parse(String s) {
            return switch (s == null ? "" : s) {
                case "draft" -> DRAFT;
                case "accepted" -> ACCEPTED;
                case "rejected" -> REJECTED;
                default -> throw new IllegalArgumentException("status must be accepted, rejected or draft, got '" + s + "'");
            };
        }
    }
}
