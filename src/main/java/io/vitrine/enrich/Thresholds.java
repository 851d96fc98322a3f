package io.vitrine.enrich;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Per-key thresholds recalibrated from people's decisions: one calibration serves both the tags'
 * per-concept thresholds (a draft tag is kept and searchable only at or above its concept's) and the
 * risk flags' per-flag thresholds (a draft flag counts for review and search only at or above its
 * flag's). The rule, recomputed on every decision from the counts a (accepted) and r (rejected):
 * observed precision p = (a + 1.6) / (a + r + 2) (a prior of two decisions at the 0.8 target), and
 * threshold = default + 0.5 × (0.8 − p), kept within 0.05..0.95. No decisions → the default; people
 * rejecting raise the bar, people accepting lower it.
 */
public final class Thresholds {
    static final double TARGET_PRECISION = 0.8;

    /** A key's threshold and the decisions it was calibrated from. */
    public record Threshold(String key, double threshold, int accepted, int rejected) {}

    /**
     * Where thresholds are kept, by key (a concept id, a risk flag). Contract: {@link #count} is atomic,
     * so decisions recorded at the same moment (on any node) are all counted and the stored threshold
     * is the calibration of the final counts.
     */
    public interface Store {
        Optional<Threshold> threshold(String key);

        /** Adds the deltas to the key's counts (from 0, 0 when it has none) and stores {@code calibrate(accepted, rejected)}. */
        Threshold count(String key, int accepted, int rejected, Calibrator calibrate, Instant at);
    }

    /** Where a key's drafts lie: the live assets with an undecided draft of {@code key} whose confidence is in [{@code lo}, {@code hi}). */
    @FunctionalInterface
    public interface Drafts {
        List<String> between(String key, double lo, double hi);
    }

    /** The threshold of a key's counts. */
    @FunctionalInterface
    public interface Calibrator {
        double of(int accepted, int rejected);
    }

    private final Store store;
    private final double defaultThreshold;
    private final Clock clock;

    public Thresholds(Store store, double defaultThreshold, Clock clock) {
        this.store = store;
        this.defaultThreshold = defaultThreshold;
        this.clock = clock;
    }

    public double of(String key) {
        return get(key).threshold();
    }

    /** The key's threshold with its counts; the configured default and no decisions when nobody decided yet. */
    public Threshold get(String key) {
        return store.threshold(key).orElse(new Threshold(key, defaultThreshold, 0, 0));
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Counts a decision that moved an item from {@code before} to {@code after} and recalibrates. */
    public Threshold record(String key, Tag.Status before, Tag.Status after) {
        return store.count(key, delta(before, after, Tag.Status.ACCEPTED), delta(before, after, Tag.Status.REJECTED),
                (a, r) -> calibrate(defaultThreshold, a, r), clock.instant());
    }

    /**
     * Counts a decision and recalibrates like {@link #record(String, Tag.Status, Tag.Status)}, then hands
     * {@code crossed} every live asset whose draft of the key the move carried across the bar (it counts
     * now, or no longer does), for the caller to re-index: one path for tags and risk flags, so search
     * follows reviewers' decisions library-wide. Call it inside the decision's transaction.
     */
    public Threshold record(String key, Tag.Status before, Tag.Status after, Drafts drafts, Consumer<String> crossed) {
        double was = of(key);
        Threshold now = record(key, before, after);
        double lo = Math.min(was, now.threshold());
        double hi = Math.max(was, now.threshold());
        if (lo < hi) {
            drafts.between(key, lo, hi).forEach(crossed);
        }
        return now;
    }

    private static int delta(Tag.Status before, Tag.Status after, Tag.Status counted) {
        return (after == counted ? 1 : 0) - (before == counted ? 1 : 0);
    }

    static double calibrate(double base, int accepted, int rejected) {
        double p = (accepted + 2 * TARGET_PRECISION) / (accepted + rejected + 2.0);
        return Math.max(0.05, Math.min(0.95, base + 0.5 * (TARGET_PRECISION - p)));
    }
}
