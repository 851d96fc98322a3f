package io.vitrine.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdsTest {
    @Test
    void no_decisions_keep_the_default_rejections_raise_it_acceptances_lower_it() {
        assertThat(Thresholds.calibrate(0.3, 0, 0)).isCloseTo(0.3, within(1e-9));
        assertThat(Thresholds.calibrate(0.3, 0, 5)).isGreaterThan(0.5);
        assertThat(Thresholds.calibrate(0.3, 5, 0)).isLessThan(0.3);
        assertThat(Thresholds.calibrate(0.9, 0, 1000)).isEqualTo(0.95);
    }

    @Test
    void a_decision_hands_over_the_drafts_between_the_old_and_the_new_threshold_and_none_when_it_did_not_move() {
        java.util.Map<String, Thresholds.Threshold> kept = new java.util.HashMap<>();
        Thresholds.Store store = new Thresholds.Store() {
            @Override
            public java.util.Optional<Thresholds.Threshold> threshold(String key) {
                return java.util.Optional.ofNullable(kept.get(key));
            }

            @Override
            public Thresholds.Threshold count(String key, int accepted, int rejected, Thresholds.Calibrator calibrate,
                    java.time.Instant at) {
                Thresholds.Threshold was = kept.getOrDefault(key, new Thresholds.Threshold(key, 0, 0, 0));
                int a = was.accepted() + accepted;
                int r = was.rejected() + rejected;
                Thresholds.Threshold now = new Thresholds.Threshold(key, calibrate.of(a, r), a, r);
                kept.put(key, now);
                return now;
            }
        };
        Thresholds thresholds = new Thresholds(store, 0.3, java.time.Clock.systemUTC());
        java.util.List<double[]> asked = new java.util.ArrayList<>();
        java.util.List<String> crossed = new java.util.ArrayList<>();
        Thresholds.Threshold t = thresholds.record("dog", Tag.Status.DRAFT, Tag.Status.REJECTED, (key, lo, hi) -> {
            asked.add(new double[] {lo, hi});
            return java.util.List.of("asset-at-0.4");
        }, crossed::add);
        assertThat(t.threshold()).isCloseTo(0.4333, within(1e-4));
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst()[0]).isEqualTo(0.3);
        assertThat(asked.getFirst()[1]).isEqualTo(t.threshold());
        assertThat(crossed).containsExactly("asset-at-0.4");

        // accepted, then back to draft: the counts return to one rejection, the bar moves back down over the same band
        thresholds.record("dog", Tag.Status.REJECTED, Tag.Status.DRAFT, (key, lo, hi) -> {
            asked.add(new double[] {lo, hi});
            return java.util.List.of();
        }, crossed::add);
        assertThat(asked.getLast()[0]).isEqualTo(0.3);
        int before = asked.size();
        thresholds.record("dog", Tag.Status.DRAFT, Tag.Status.DRAFT, (key, lo, hi) -> {
            asked.add(new double[] {lo, hi});
            return java.util.List.of();
        }, crossed::add);
        assertThat(asked).as("a bar that did not move crosses nothing").hasSize(before);
    }
}
