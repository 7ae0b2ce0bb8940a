package org.radiome.features.ivh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntensityVolumeHistogramTest {
    private static final double EPS = 1e-12;

    @Test
    void continuous_calibrated_case_uses_bin_centres() {
        // Fixed bin size w = 0.25 over [0, 1]: X = 0, 0.24, 0.26, 0.74, 0.99 fall in bins 1 1 2 3 4,
        // centres 0.125 0.125 0.375 0.625 0.875. G = [0.125, 0.875], grid steps K = 3, γ_k = k/3.
        // V10: first γ ≥ 0.1 is k = 1, ν = 3/5. V90: k = 3, ν = 1/5.
        // I10: ν ≤ 0.1 first at k = 4 (one step past G, ν = 0): 0.125 + 4·0.25 = 1.125.
        // I90: ν_0 = 1, ν_1 = 0.6 ≤ 0.9: 0.375.
        var ivh = IntensityVolumeHistogram.Histogram.of(new double[] {0, 0.24, 0.26, 0.74, 0.99},
                new IvhSettings(IvhSettings.Method.FIXED_BIN_SIZE, 0.25, 0, 0.0, 1.0));
        assertThat(ivh.volumeAtIntensityFraction(0.1)).isCloseTo(0.6, within(EPS));
        assertThat(ivh.volumeAtIntensityFraction(0.9)).isCloseTo(0.2, within(EPS));
        assertThat(ivh.intensityAtVolumeFraction(0.1)).isCloseTo(1.125, within(EPS));
        assertThat(ivh.intensityAtVolumeFraction(0.9)).isCloseTo(0.375, within(EPS));
    }

    @Test
    void arbitrary_units_case_uses_fixed_bin_numbers_over_g_from_1_to_ng() {
        // 4 bins over [10, 50]: X = 10 20 30 40 50 → levels 1 2 3 4 4 (the maximum goes to N_g).
        // G = [1, 4], K = 3. V10: k = 1, ν = 4/5. V90: k = 3, ν = 2/5.
        // I10: ν ≤ 0.1 first at level 5 (ν = 0). I90: ν_2 = 0.8 ≤ 0.9, so level 2.
        var ivh = IntensityVolumeHistogram.Histogram.of(new double[] {10, 20, 30, 40, 50},
                new IvhSettings(IvhSettings.Method.FIXED_BIN_NUMBER, 0, 4, -1000.0, 1000.0));
        assertThat(ivh.volumeAtIntensityFraction(0.1)).isCloseTo(0.8, within(EPS));
        assertThat(ivh.volumeAtIntensityFraction(0.9)).isCloseTo(0.4, within(EPS));
        assertThat(ivh.intensityAtVolumeFraction(0.1)).isEqualTo(5);
        assertThat(ivh.intensityAtVolumeFraction(0.9)).isEqualTo(2);
    }

    @Test
    void discrete_case_with_a_half_open_range_takes_the_roi_maximum_as_upper_bound() {
        // X rounded: −3 −1 1 2; G = [−5, max = 2], K = 7; positions 2 4 6 7.
        // V10: first γ ≥ 0.1 at k = 1 (i = −4), ν = 1. V90: γ ≥ 0.9 at k = 7 (i = 2), ν = 1/4.
        // I10: ν ≤ 0.1 first at i = 3. I90: ν(−3) = 1, ν(−2) = 3/4 ≤ 0.9, so −2.
        var ivh = IntensityVolumeHistogram.Histogram.of(new double[] {-3.4, -1, 0.6, 2}, IvhSettings.discrete(-5.0, null));
        assertThat(ivh.volumeAtIntensityFraction(0.1)).isEqualTo(1);
        assertThat(ivh.volumeAtIntensityFraction(0.9)).isCloseTo(0.25, within(EPS));
        assertThat(ivh.intensityAtVolumeFraction(0.1)).isEqualTo(3);
        assertThat(ivh.intensityAtVolumeFraction(0.9)).isEqualTo(-2);
    }

    @Test
    void phantom_ivh_table_of_the_manual() {
        // IBSI manual, example IVH of the digital phantom (G = [1, 6], w = 1): 50 voxels of 1, 1 of 3,
        // 16 of 4, 7 of 6; ν(2) = 24/74 ≈ 0.324, ν(4) = 23/74 ≈ 0.311, ν(5) = 7/74 ≈ 0.095.
        double[] x = new double[74];
        int k = 0;
        for (int i = 0; i < 50; i++) x[k++] = 1;
        x[k++] = 3;
        for (int i = 0; i < 16; i++) x[k++] = 4;
        for (int i = 0; i < 7; i++) x[k++] = 6;
        var ivh = IntensityVolumeHistogram.Histogram.of(x, IvhSettings.discrete(1.0, 6.0));
        assertThat(ivh.volumeFraction(1)).isCloseTo(24.0 / 74, within(EPS));
        assertThat(ivh.volumeFraction(3)).isCloseTo(23.0 / 74, within(EPS));
        assertThat(ivh.volumeFraction(4)).isCloseTo(7.0 / 74, within(EPS));
    }
}
