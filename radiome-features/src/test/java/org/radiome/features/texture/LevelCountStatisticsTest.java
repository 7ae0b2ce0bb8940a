package org.radiome.features.texture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LevelCountStatisticsTest {
    private static final double EPS = 1e-12;

    @Test
    void sparse_example_by_hand() {
        // s_13 = 1, s_21 = 2, s_22 = 2 (the GLRLM diagonal example); N_s = 5, N_v = 9, p = (.2, .4, .4).
        double[] f = new double[LevelCountStatistics.featureCount()];
        boolean any = new LevelCountStatistics(1, 1).compute(new int[] {1, 2, 2}, new int[] {3, 1, 2},
                new double[] {1, 2, 2}, 3, 9, f);
        assertThat(any).isTrue();
        assertThat(f[LevelCountFeature.SMALL_J_EMPHASIS.ordinal()]).isCloseTo((1 / 9.0 + 2 + 2 / 4.0) / 5, within(EPS));
        assertThat(f[LevelCountFeature.LARGE_J_HIGH_GREY_LEVEL_EMPHASIS.ordinal()]).isCloseTo((9 + 2 * 4 + 2 * 16) / 5.0, within(EPS));
        assertThat(f[LevelCountFeature.J_NON_UNIFORMITY.ordinal()]).isCloseTo((4 + 4 + 1) / 5.0, within(EPS));
        assertThat(f[LevelCountFeature.PERCENTAGE.ordinal()]).isCloseTo(5 / 9.0, within(EPS));
        // μ_i = 1.8: Σ (i − μ)² p = .64 · .2 + .04 · .8; μ_j = 1.8: 1.44 · .2 + .64 · .4 + .04 · .4.
        assertThat(f[LevelCountFeature.GREY_LEVEL_VARIANCE.ordinal()]).isCloseTo(0.16, within(EPS));
        assertThat(f[LevelCountFeature.J_VARIANCE.ordinal()]).isCloseTo(0.56, within(EPS));
        double entropy = -(0.2 * Math.log(0.2) + 0.8 * Math.log(0.4)) / Math.log(2);
        assertThat(f[LevelCountFeature.ENTROPY.ordinal()]).isCloseTo(entropy, within(EPS));
        assertThat(f[LevelCountFeature.ENERGY.ordinal()]).isCloseTo(0.04 + 0.16 + 0.16, within(EPS));
    }

    @Test
    void dense_matrix_gives_the_values_of_its_entries() {
        double[] dense = {0, 0, 1, 2, 2, 0};
        double[] fromDense = new double[LevelCountStatistics.featureCount()];
        double[] fromEntries = new double[LevelCountStatistics.featureCount()];
        LevelCountStatistics statistics = new LevelCountStatistics(2, 3);
        assertThat(statistics.computeDense(dense, 3, 9, fromDense)).isTrue();
        assertThat(statistics.compute(new int[] {1, 2, 2}, new int[] {3, 1, 2}, new double[] {1, 2, 2}, 3, 9, fromEntries)).isTrue();
        assertThat(fromDense).containsExactly(fromEntries);
    }

    @Test
    void empty_matrix_has_no_features() {
        double[] out = {7};
        assertThat(new LevelCountStatistics(2, 2).computeDense(new double[4], 2, 1, new double[16])).isFalse();
        assertThat(new LevelCountStatistics(2, 2).compute(new int[] {1}, new int[] {1}, new double[] {0}, 1, 1, out)).isFalse();
        assertThat(out).containsExactly(7);
    }
}
