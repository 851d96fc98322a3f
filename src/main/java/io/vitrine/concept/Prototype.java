package io.vitrine.concept;

import java.time.Instant;
import java.util.List;

/**
 * A concept taught from example assets: {@code prototype@version} is the normalised mean of the
 * positives' normalised image embeddings in {@code space}; an asset belongs when its cosine to it is
 * at least {@code radius}.
 */
public record Prototype(String concept, int version, String space, float[] vector, double radius, List<String> positives,
        List<String> negatives, Status status, int tagged, String error, String taughtBy, Instant taughtAt, Instant appliedAt) {

    /** The library run: queued (job waiting), running, done, failed. */
    public enum Status {
        QUEUED, RUNNING, DONE, FAILED;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Prototype {
        positives = List.copyOf(positives);
        negatives = List.copyOf(negatives);
    }

    /** The tag confidence of a cosine: 0.5 at the radius, 1 at identity, linear between (below the radius: not a member). */
    public double confidence(double cosine) {
        double c = 0.5 + 0.5 * (cosine - radius) / Math.max(1e-6, 1 - radius);
        return Math.round(Math.max(0, Math.min(1, c)) * 10_000) / 10_000.0;
    }
}
