package org.radiome.features.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComplexFftTest {

    /** The textbook O(n²) DFT, X[k] = Σ_j x[j]·exp(−2πi·jk/n), with the angle reduced exactly (jk mod n). */
    private static double[][] naiveDft(double[] re, double[] im) {
        int n = re.length;
        double[] outRe = new double[n], outIm = new double[n];
        for (int k = 0; k < n; k++) {
            double sr = 0, si = 0;
            for (int j = 0; j < n; j++) {
                double angle = -2 * Math.PI * (int) ((long) j * k % n) / n;
                double c = Math.cos(angle), s = Math.sin(angle);
                sr += re[j] * c - im[j] * s;
                si += re[j] * s + im[j] * c;
            }
            outRe[k] = sr;
            outIm[k] = si;
        }
        return new double[][] {outRe, outIm};
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 20, 25, 27, 30, 32, 45, 49, 60, 64, 77, 96,
            105, 125, 128, 143, 225, 243, 256, 288, 300})
    void matches_the_naive_dft(int n) {
        Random random = new Random(n);
        double[] re = new double[n], im = new double[n];
        for (int j = 0; j < n; j++) {
            re[j] = random.nextGaussian();
            im[j] = random.nextGaussian();
        }
        double[][] expected = naiveDft(re, im);
        new ComplexFft(n).forward(re, im, new double[n], new double[n]);
        double norm = 0, error = 0;
        for (int k = 0; k < n; k++) {
            norm += expected[0][k] * expected[0][k] + expected[1][k] * expected[1][k];
            double dr = re[k] - expected[0][k], di = im[k] - expected[1][k];
            error += dr * dr + di * di;
        }
        assertThat(Math.sqrt(error / norm)).as("relative rms error, n = %d", n).isLessThan(1e-14);
    }

    @Test
    void impulse_gives_the_twiddles() {
        // x = δ[j − 1] → X[k] = exp(−2πi·k/n)
        int n = 90;
        double[] re = new double[n], im = new double[n];
        re[1] = 1;
        new ComplexFft(n).forward(re, im, new double[n], new double[n]);
        for (int k = 0; k < n; k++) {
            assertThat(re[k]).isCloseTo(Math.cos(2 * Math.PI * k / n), org.assertj.core.api.Assertions.within(1e-15));
            assertThat(im[k]).isCloseTo(-Math.sin(2 * Math.PI * k / n), org.assertj.core.api.Assertions.within(1e-15));
        }
    }

    @Test
    void smooth_sizes_have_only_factors_2_3_5_and_are_the_smallest() {
        for (int minimum = 1; minimum <= 2000; minimum++) {
            int size = ComplexFft.smoothSize(minimum);
            assertThat(size).isGreaterThanOrEqualTo(minimum);
            assertThat(isSmooth(size)).as("%d", size).isTrue();
            for (int smaller = minimum; smaller < size; smaller++) assertThat(isSmooth(smaller)).isFalse();
        }
        assertThat(ComplexFft.smoothSize(221)).isEqualTo(225);
        assertThat(ComplexFft.smoothSize(281)).isEqualTo(288);
        assertThatThrownBy(() -> ComplexFft.smoothSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean isSmooth(int n) {
        for (int p : new int[] {2, 3, 5}) while (n % p == 0) n /= p;
        return n == 1;
    }
}
