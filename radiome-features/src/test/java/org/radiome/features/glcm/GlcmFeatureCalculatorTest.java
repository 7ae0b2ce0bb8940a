package org.radiome.features.glcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiome.features.glcm.Glcm.Feature;

class GlcmFeatureCalculatorTest {
    private static final double EPS = 1e-12;

    private static double[] features(int ng, double... counts) {
        double[] out = new double[GlcmFeatureCalculator.featureCount()];
        assertThat(new GlcmFeatureCalculator(ng).compute(counts, out)).isTrue();
        return out;
    }

    @Test
    void alternating_two_levels() {
        // p_12 = p_21 = 1/2, N_g = 2. p_{i.} = (1/2, 1/2), μ = 3/2, σ² = 1/4.
        // p_{i−j,1} = 1, p_{i+j,3} = 1. HX = HY = 1 bit, HXY = 1 bit, HXY1 = HXY2 = 2 bits.
        double[] f = features(2, 0, 2, 2, 0);
        assertThat(f[Feature.JOINT_MAX.ordinal()]).isCloseTo(0.5, within(EPS));
        assertThat(f[Feature.JOINT_AVG.ordinal()]).isCloseTo(1.5, within(EPS));
        assertThat(f[Feature.JOINT_VAR.ordinal()]).isCloseTo(0.25, within(EPS));
        assertThat(f[Feature.JOINT_ENTR.ordinal()]).isCloseTo(1.0, within(EPS));
        assertThat(f[Feature.DIFF_AVG.ordinal()]).isCloseTo(1.0, within(EPS));
        assertThat(f[Feature.DIFF_VAR.ordinal()]).isCloseTo(0.0, within(EPS));
        assertThat(f[Feature.DIFF_ENTR.ordinal()]).isCloseTo(0.0, within(EPS));
        assertThat(f[Feature.SUM_AVG.ordinal()]).isCloseTo(3.0, within(EPS));
        assertThat(f[Feature.SUM_VAR.ordinal()]).isCloseTo(0.0, within(EPS));
        assertThat(f[Feature.SUM_ENTR.ordinal()]).isCloseTo(0.0, within(EPS));
        assertThat(f[Feature.ENERGY.ordinal()]).isCloseTo(0.5, within(EPS));
        assertThat(f[Feature.CONTRAST.ordinal()]).isCloseTo(1.0, within(EPS));
        assertThat(f[Feature.DISSIMILARITY.ordinal()]).isCloseTo(1.0, within(EPS));
        assertThat(f[Feature.INV_DIFF.ordinal()]).isCloseTo(0.5, within(EPS));          // 1 / (1 + 1)
        assertThat(f[Feature.INV_DIFF_NORM.ordinal()]).isCloseTo(2.0 / 3, within(EPS)); // 1 / (1 + 1/2)
        assertThat(f[Feature.INV_DIFF_MOM.ordinal()]).isCloseTo(0.5, within(EPS));      // 1 / (1 + 1)
        assertThat(f[Feature.INV_DIFF_MOM_NORM.ordinal()]).isCloseTo(0.8, within(EPS)); // 1 / (1 + 1/4)
        assertThat(f[Feature.INV_VAR.ordinal()]).isCloseTo(1.0, within(EPS));
        assertThat(f[Feature.CORR.ordinal()]).isCloseTo(-1.0, within(EPS));             // (2 − 9/4) / (1/4)
        assertThat(f[Feature.AUTO_CORR.ordinal()]).isCloseTo(2.0, within(EPS));         // 1·2·½ + 2·1·½
        assertThat(f[Feature.CLUST_TEND.ordinal()]).isCloseTo(0.0, within(EPS));        // i + j − 2μ = 0
        assertThat(f[Feature.CLUST_SHADE.ordinal()]).isCloseTo(0.0, within(EPS));
        assertThat(f[Feature.CLUST_PROM.ordinal()]).isCloseTo(0.0, within(EPS));
        assertThat(f[Feature.INFO_CORR1.ordinal()]).isCloseTo(-1.0, within(EPS));       // (1 − 2) / 1
        assertThat(f[Feature.INFO_CORR2.ordinal()]).isCloseTo(Math.sqrt(1 - Math.exp(-2)), within(EPS));
    }

    @Test
    void unequal_diagonal_and_off_diagonal_counts() {
        // Counts (1,1)=2, (1,2)=(2,1)=1, N = 4: p_11 = 1/2, p_12 = p_21 = 1/4. p_{i.} = (3/4, 1/4), μ = 5/4,
        // σ² = 3/16. Σ i j p = 1/2 + 1/2 + 1/2 = 3/2 → correlation (3/2 − 25/16) / (3/16) = −1/3.
        // p_{i+j}: k=2 1/2, k=3 1/2 → cluster tendency Σ (k − 5/2)² p = 1/4, shade 0, prominence 1/16.
        double[] f = features(2, 2, 1, 1, 0);
        assertThat(f[Feature.JOINT_AVG.ordinal()]).isCloseTo(1.25, within(EPS));
        assertThat(f[Feature.JOINT_VAR.ordinal()]).isCloseTo(3.0 / 16, within(EPS));
        assertThat(f[Feature.JOINT_ENTR.ordinal()]).isCloseTo(1.5, within(EPS));        // ½·1 + 2·¼·2
        assertThat(f[Feature.CORR.ordinal()]).isCloseTo(-1.0 / 3, within(EPS));
        assertThat(f[Feature.CLUST_TEND.ordinal()]).isCloseTo(0.25, within(EPS));
        assertThat(f[Feature.SUM_VAR.ordinal()]).isCloseTo(0.25, within(EPS));
        assertThat(f[Feature.CLUST_SHADE.ordinal()]).isCloseTo(0.0, within(EPS));
        assertThat(f[Feature.CLUST_PROM.ordinal()]).isCloseTo(1.0 / 16, within(EPS));
        assertThat(f[Feature.DIFF_VAR.ordinal()]).isCloseTo(0.25, within(EPS));          // p_{i−j} = (½, ½)
    }

    @Test
    void single_grey_level_uses_the_documented_conventions() {
        double[] f = features(3, 0, 0, 0, 0, 4, 0, 0, 0, 0);
        assertThat(f[Feature.JOINT_MAX.ordinal()]).isEqualTo(1.0);
        assertThat(f[Feature.JOINT_AVG.ordinal()]).isCloseTo(2.0, within(EPS));
        assertThat(f[Feature.JOINT_ENTR.ordinal()]).isCloseTo(0.0, within(EPS));
        assertThat(f[Feature.INV_VAR.ordinal()]).isEqualTo(0.0);
        assertThat(f[Feature.CORR.ordinal()]).isEqualTo(1.0);
        assertThat(f[Feature.INFO_CORR1.ordinal()]).isEqualTo(0.0);
        assertThat(f[Feature.INFO_CORR2.ordinal()]).isCloseTo(0.0, within(1e-6));
        for (double v : f) assertThat(v).isFinite();
    }

    @Test
    void empty_matrix_has_no_features() {
        double[] out = new double[GlcmFeatureCalculator.featureCount()];
        assertThat(new GlcmFeatureCalculator(2).compute(new double[4], out)).isFalse();
    }
}
