package org.radiome.features.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiome.features.FeatureSet;

class IntensityStatisticsTest {
    private static final double EPS = 1e-12;

    @Test
    void hand_computed_values_for_five_intensities() {
        // X = {1, 2, 3, 4, 10}: μ = 4, deviations −3 −2 −1 0 6.
        // m2 = 50/5 = 10, m3 = 180/5 = 36, m4 = 1394/5 = 278.8.
        // Type-7 percentiles, rank (5 − 1)p: P10 at 0.4 → 1.4, P25 at 1 → 2, P50 at 2 → 3, P75 at 3 → 4,
        // P90 at 3.6 → 4 + 0.6·6 = 7.6. Values in [1.4, 7.6]: {2, 3, 4}, mean 3, mean |dev| 2/3.
        FeatureSet f = IntensityStatistics.compute(new double[] {1, 2, 3, 4, 10});
        assertThat(f.get("stat_mean")).isCloseTo(4, within(EPS));
        assertThat(f.get("stat_var")).isCloseTo(10, within(EPS));
        assertThat(f.get("stat_skew")).isCloseTo(36 / Math.pow(10, 1.5), within(EPS));
        assertThat(f.get("stat_kurt")).isCloseTo(278.8 / 100 - 3, within(EPS));
        assertThat(f.get("stat_median")).isCloseTo(3, within(EPS));
        assertThat(f.get("stat_min")).isEqualTo(1);
        assertThat(f.get("stat_p10")).isCloseTo(1.4, within(EPS));
        assertThat(f.get("stat_p90")).isCloseTo(7.6, within(EPS));
        assertThat(f.get("stat_max")).isEqualTo(10);
        assertThat(f.get("stat_iqr")).isCloseTo(2, within(EPS));
        assertThat(f.get("stat_range")).isEqualTo(9);
        assertThat(f.get("stat_mad")).isCloseTo(12.0 / 5, within(EPS));
        assertThat(f.get("stat_rmad")).isCloseTo(2.0 / 3, within(EPS));
        assertThat(f.get("stat_medad")).isCloseTo(11.0 / 5, within(EPS)); // |X − 3| = 2 1 0 1 7
        assertThat(f.get("stat_cov")).isCloseTo(Math.sqrt(10) / 4, within(EPS));
        assertThat(f.get("stat_qcod")).isCloseTo(2.0 / 6, within(EPS));
        assertThat(f.get("stat_energy")).isCloseTo(130, within(EPS));
        assertThat(f.get("stat_rms")).isCloseTo(Math.sqrt(26), within(EPS));
    }

    @Test
    void constant_intensities_have_zero_skewness_and_kurtosis_as_ibsi_defines() {
        FeatureSet f = IntensityStatistics.compute(new double[] {7, 7, 7});
        assertThat(f.get("stat_var")).isZero();
        assertThat(f.get("stat_skew")).isZero();
        assertThat(f.get("stat_kurt")).isZero();
        assertThat(f.get("stat_rmad")).isZero();
    }

    @Test
    void even_count_median_is_the_mean_of_the_middle_values() {
        assertThat(IntensityStatistics.percentile(new double[] {1, 2, 5, 9}, 0.5)).isCloseTo(3.5, within(EPS));
    }

    @Test
    void robust_deviation_of_two_distinct_values_is_undefined() {
        // P10 = 1.1 and P90 = 1.9 both fall between 1 and 2: no value lies in [P10, P90].
        assertThat(IntensityStatistics.compute(new double[] {1, 2}).get("stat_rmad")).isNaN();
    }
}
