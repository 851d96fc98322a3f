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
}
