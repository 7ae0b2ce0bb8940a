package org.radiome.features.histogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;

class IntensityHistogramTest {
    private static final double EPS = 1e-12;

    @Test
    void hand_computed_values_for_a_sparse_histogram() {
        // n = (2, 0, 2, 1): levels 1 1 3 3 4, N_v = 5, μ = 12/5 = 2.4.
        // Percentiles (rank 4p): P10 → 1, P25 → 1, P50 → 3, P75 → 3, P90 at 3.6 → 3 + 0.6 = 3.6.
        // Mode: levels 1 and 3 tie at 2; 3 is nearer the mean (0.6 vs 1.4).
        // H′ = (0 − 2, (2 − 2)/2, (1 − 0)/2, 1 − 2) = (−2, 0, 0.5, −1).
        // p = (0.4, 0.4, 0.2): entropy = −(0.8 log2 0.4 + 0.2 log2 0.2), uniformity = 0.36.
        FeatureSet f = IntensityHistogram.fromHistogram(new long[] {2, 0, 2, 1});
        assertThat(f.get("ih_mean")).isCloseTo(2.4, within(EPS));
        assertThat(f.get("ih_var")).isCloseTo((2 * 1.96 + 2 * 0.36 + 2.56) / 5, within(EPS));
        assertThat(f.get("ih_median")).isEqualTo(3);
        assertThat(f.get("ih_min")).isEqualTo(1);
        assertThat(f.get("ih_p10")).isCloseTo(1, within(EPS));
        assertThat(f.get("ih_p90")).isCloseTo(3.6, within(EPS));
        assertThat(f.get("ih_max")).isEqualTo(4);
        assertThat(f.get("ih_mode")).isEqualTo(3);
        assertThat(f.get("ih_iqr")).isCloseTo(2, within(EPS));
        assertThat(f.get("ih_range")).isEqualTo(3);
        assertThat(f.get("ih_qcod")).isCloseTo(2.0 / 4, within(EPS));
        double log2 = Math.log(2);
        assertThat(f.get("ih_entropy")).isCloseTo(-(0.8 * Math.log(0.4) + 0.2 * Math.log(0.2)) / log2, within(EPS));
        assertThat(f.get("ih_uniformity")).isCloseTo(0.36, within(EPS));
        assertThat(f.get("ih_max_grad")).isEqualTo(0.5);
        assertThat(f.get("ih_max_grad_g")).isEqualTo(3);
        assertThat(f.get("ih_min_grad")).isEqualTo(-2);
        assertThat(f.get("ih_min_grad_g")).isEqualTo(1);
    }

    @Test
    void mode_tie_equidistant_from_the_mean_goes_to_the_left_bin() {
        // n = (3, 0, 0, 3): μ = 2.5, levels 1 and 4 both 1.5 away.
        assertThat(IntensityHistogram.fromHistogram(new long[] {3, 0, 0, 3}).get("ih_mode")).isEqualTo(1);
    }

    @Test
    void a_single_grey_level_has_zero_gradient_spread_and_moments() {
        FeatureSet f = IntensityHistogram.fromHistogram(new long[] {5});
        assertThat(f.get("ih_max_grad")).isZero();
        assertThat(f.get("ih_max_grad_g")).isEqualTo(1);
        assertThat(f.get("ih_min_grad")).isZero();
        assertThat(f.get("ih_skew")).isZero();
        assertThat(f.get("ih_kurt")).isZero();
        assertThat(f.get("ih_entropy")).isZero();
        assertThat(f.get("ih_uniformity")).isEqualTo(1);
    }

    @Test
    void grey_levels_above_the_level_count_are_rejected() {
        GreyLevels levels = new GreyLevels(2, 1, 1, new int[] {1, 3}, 2);
        assertThatThrownBy(() -> IntensityHistogram.compute(levels)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grey level 3");
    }
}
