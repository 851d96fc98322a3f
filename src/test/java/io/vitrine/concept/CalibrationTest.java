package io.vitrine.concept;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    static float[] v(float... x) {
        return x;
    }

    @Test
    void the_prototype_is_the_normalised_mean_of_the_normalised_examples() {
        Calibration c = Calibration.of(List.of(v(10, 0), v(0, 1)), List.of());
        assertThat(c.prototype()[0]).isCloseTo((float) Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(c.prototype()[1]).isCloseTo((float) Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void close_examples_give_a_tight_radius_and_far_apart_ones_never_go_below_the_floor() {
        Calibration tight = Calibration.of(List.of(v(1, 0.05f, 0), v(1, 0, 0.05f), v(1, 0.03f, 0.03f)), List.of());
        assertThat(tight.radius()).isGreaterThan(0.9).isLessThan(1.0);
        Calibration loose = Calibration.of(List.of(v(1, 0, 0), v(0, 1, 0), v(0, 0, 1)), List.of());
        assertThat(loose.radius()).isEqualTo(Calibration.FLOOR);
        assertThat(Calibration.of(List.of(v(1, 2, 3)), List.of()).radius()).isEqualTo(Calibration.SINGLE);
    }

    @Test
    void a_close_negative_pushes_the_radius_above_it_but_never_above_the_weakest_positive() {
        List<float[]> positives = List.of(v(1, 0.3f, 0), v(1, 0, 0.3f));
        double plain = Calibration.of(positives, List.of()).radius();
        float[] negative = v(1, 0.2f, 0.2f);
        Calibration pushed = Calibration.of(positives, List.of(negative));
        assertThat(pushed.radius()).isGreaterThan(plain);
        double weakest = Math.min(Calibration.cosine(pushed.prototype(), positives.get(0)), Calibration.cosine(pushed.prototype(), positives.get(1)));
        assertThat(pushed.radius()).isLessThanOrEqualTo(weakest + 1e-4);
        assertThat(Calibration.of(positives, List.of(v(-1, 0, 0))).radius()).as("a far negative changes nothing").isEqualTo(plain);
    }

    @Test
    void confidence_is_one_half_at_the_radius_and_one_at_the_prototype() {
        Prototype p = new Prototype("c", 1, "s", v(1, 0), 0.8, List.of(), List.of(), Prototype.Status.DONE, 0, null, "x",
                java.time.Instant.EPOCH, null);
        assertThat(p.confidence(0.8)).isEqualTo(0.5);
        assertThat(p.confidence(1.0)).isEqualTo(1.0);
        assertThat(p.confidence(0.9)).isEqualTo(0.75);
    }
}
