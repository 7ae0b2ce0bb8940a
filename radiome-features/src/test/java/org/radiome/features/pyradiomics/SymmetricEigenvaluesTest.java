package org.radiome.features.pyradiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

/** The eigenvalue-only solver behind MCC against Hipparchus's full symmetric eigendecomposition. */
class SymmetricEigenvaluesTest {
    @Test
    void eigenvalues_agree_with_hipparchus_on_random_symmetric_and_gram_matrices() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(40);
            double[][] m = new double[n][n];
            boolean gram = trial % 2 == 0; // like MCC's B = A A^T: positive semi-definite, often rank-deficient
            if (gram) {
                int k = 1 + random.nextInt(n + 2);
                double[][] a = new double[n][k];
                for (double[] row : a) for (int j = 0; j < k; j++) row[j] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int t = 0; t < k; t++) m[i][j] += a[i][t] * a[j][t];
            } else {
                for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) m[i][j] = m[j][i] = random.nextGaussian();
            }
            double[] flat = new double[n * n];
            for (int i = 0; i < n; i++) System.arraycopy(m[i], 0, flat, i * n, n);
            double[] actual = CooccurrenceFeatures.symmetricEigenvalues(flat, n);
            double[] expected = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(m, true)).getEigenvalues();
            Arrays.sort(actual);
            Arrays.sort(expected);
            double norm = 0;
            for (double v : expected) norm = Math.max(norm, Math.abs(v));
            for (int i = 0; i < n; i++) {
                assertThat(actual[i]).as("trial %d, n %d, eigenvalue %d", trial, n, i).isCloseTo(expected[i], within(1e-12 * Math.max(1, norm)));
            }
        }
    }

    @Test
    void mcc_is_one_for_a_single_level_and_the_second_singular_value_for_a_diagonal_matrix() {
        assertThat(CooccurrenceFeatures.maximalCorrelationCoefficient(new double[] {5}, 1, 1)).isEqualTo(1.0);
        // Two levels that only co-occur with themselves: perfectly dependent, MCC 1.
        assertThat(CooccurrenceFeatures.maximalCorrelationCoefficient(new double[] {3, 0, 0, 7}, 2, 2)).isCloseTo(1.0, within(1e-12));
        // Independent levels (p = px py): second eigenvalue 0.
        assertThat(CooccurrenceFeatures.maximalCorrelationCoefficient(new double[] {1, 1, 1, 1}, 2, 2)).isCloseTo(0.0, within(1e-7));
    }
}
