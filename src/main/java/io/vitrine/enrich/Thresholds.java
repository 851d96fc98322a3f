package io.vitrine.enrich;

import java.time.Clock;

/**
 * Per-concept thresholds: a draft tag is kept (and searchable) only at or above its concept's
 * threshold. The rule, recomputed on every decision from the counts a (accepted) and r (rejected):
 * observed precision p = (a + 1.6) / (a + r + 2) (a prior of two decisions at the 0.8 target), and
 * threshold = default + 0.5 × (0.8 − p), kept within 0.05..0.95. No decisions → the default; people
 * rejecting a concept raise its bar, people accepting it lower it.
 */
public final class Thresholds {
    static final double TARGET_PRECISION = 0.8;

    private final EnrichmentRepository repo;
    private final double defaultThreshold;
    private final Clock clock;

    public Thresholds(EnrichmentRepository repo, double defaultThreshold, Clock clock) {
        this.repo = repo;
        this.defaultThreshold = defaultThreshold;
        this.clock = clock;
    }

    public double of(String concept) {
        return repo.threshold(concept).map(EnrichmentRepository.Threshold::threshold).orElse(defaultThreshold);
    }

    /** Counts a decision that moved a tag from {@code before} to {@code after} and recalibrates. */
    public EnrichmentRepository.Threshold record(String concept, Tag.Status before, Tag.Status after) {
        var t = repo.threshold(concept).orElse(new EnrichmentRepository.Threshold(concept, defaultThreshold, 0, 0));
        int a = t.accepted() + delta(before, after, Tag.Status.ACCEPTED);
        int r = t.rejected() + delta(before, after, Tag.Status.REJECTED);
        var updated = new EnrichmentRepository.Threshold(concept, calibrate(defaultThreshold, a, r), a, r);
        repo.saveThreshold(updated, clock.instant());
        return updated;
    }

    private static int delta(Tag.Status before, Tag.Status after, Tag.Status counted) {
        return (after == counted ? 1 : 0) - (before == counted ? 1 : 0);
    }

    static double calibrate(double base, int accepted, int rejected) {
        double p = (accepted + 2 * TARGET_PRECISION) / (accepted + rejected + 2.0);
        return Math.max(0.05, Math.min(0.95, base + 0.5 * (TARGET_PRECISION - p)));
    }
}
