package org.radiome.features.glrlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiome.features.glrlm.Glrlm.Feature;

class GlrlmFeatureCalculatorTest {
    private static final double EPS = 1e-12;

    @Test
    void diagonal_example_by_hand() {
        // The (1,1) matrix of the 3 × 3 diagonal slice (RunLengthCounterTest): r_13 = 1, r_21 = 2, r_22 = 2.
        // N_s = 5, N_v = 9. r_i. = (1, 4), r_.j = (2, 2, 1).
        double[] counts = {0, 0, 1, 2, 2, 0};
        double[] f = new double[GlrlmFeatureCalculator.featureCount()];
        assertThat(new GlrlmFeatureCalculator(2, 3).compute(counts, 9, f)).isTrue();
        assertThat(f[Feature.SRE.ordinal()]).isCloseTo((2 + 2 / 4.0 + 1 / 9.0) / 5, within(EPS));
        assertThat(f[Feature.LRE.ordinal()]).isCloseTo((2 + 2 * 4 + 9) / 5.0, within(EPS));
        assertThat(f[Feature.LGRE.ordinal()]).isCloseTo((1 + 4 / 4.0) / 5, within(EPS));
        assertThat(f[Feature.HGRE.ordinal()]).isCloseTo((1 + 4 * 4) / 5.0, within(EPS));
        assertThat(f[Feature.SRLGE.ordinal()]).isCloseTo((1 / 9.0 + 2 / 4.0 + 2 / 16.0) / 5, within(EPS));
        assertThat(f[Feature.SRHGE.ordinal()]).isCloseTo((1 / 9.0 + 2 * 4 + 2 * 4 / 4.0) / 5, within(EPS));
        assertThat(f[Feature.LRLGE.ordinal()]).isCloseTo((9 + 2 / 4.0 + 2 * 4 / 4.0) / 5, within(EPS));
        assertThat(f[Feature.LRHGE.ordinal()]).isCloseTo((9 + 2 * 4 + 2 * 4 * 4) / 5.0, within(EPS));
        assertThat(f[Feature.GLNU.ordinal()]).isCloseTo((1 + 16) / 5.0, within(EPS));
        assertThat(f[Feature.GLNU_NORM.ordinal()]).isCloseTo(17 / 25.0, within(EPS));
        assertThat(f[Feature.RLNU.ordinal()]).isCloseTo((4 + 4 + 1) / 5.0, within(EPS));
        assertThat(f[Feature.RLNU_NORM.ordinal()]).isCloseTo(9 / 25.0, within(EPS));
        assertThat(f[Feature.R_PERC.ordinal()]).isCloseTo(5 / 9.0, within(EPS));
        // μ_i = (1 + 8) / 5 = 1.8; Σ (i − μ)² r_i. / N_s = (0.64 + 4 · 0.04) / 5 = 0.16
        assertThat(f[Feature.GL_VAR.ordinal()]).isCloseTo(0.16, within(EPS));
        // μ_j = (2 + 4 + 3) / 5 = 1.8; (2 · 0.64 + 2 · 0.04 + 1.44) / 5 = 0.56
        assertThat(f[Feature.RL_VAR.ordinal()]).isCloseTo(0.56, within(EPS));
        // p = (0.2, 0.4, 0.4)
        double entropy = -(0.2 * Math.log(0.2) + 0.8 * Math.log(0.4)) / Math.log(2);
        assertThat(f[Feature.RL_ENTR.ordinal()]).isCloseTo(entropy, within(EPS));
    }

    @Test
    void empty_matrix_has_no_features() {
        double[] out = new double[GlrlmFeatureCalculator.featureCount()];
        assertThat(new GlrlmFeatureCalculator(2, 2).compute(new double[4], 1, out)).isFalse();
    }
}
