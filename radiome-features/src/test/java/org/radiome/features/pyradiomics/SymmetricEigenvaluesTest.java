package org.radiome.features.pyradiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

/** The selected-eigenvalue solver behind MCC, and MCC itself, against Hipparchus's full symmetric eigendecomposition. */
class SymmetricEigenvaluesTest {
    @Test
    void ranked_eigenvalues_agree_with_hipparchus_on_random_symmetric_and_gram_matrices() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(40);
            double[][] m = new double[n][n];
            boolean gram = trial % 2 == 0; // like MCC's B = A A^T: positive semi-definite, often rank-deficient
            if (gram) {
                int k = 1 + random.nextInt(n + 2);
                double[][] a = new double[n][k];
                for (double[] row : a) for (int j = 0; j < k; j++) row[j] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int t = 0; t < k; t++) m[i][j] += a[i][t] * a[j][t];
            } else if (trial % 6 == 1) { // block diagonal with repeated eigenvalues: exact zeros off the diagonal
                for (int i = 0; i < n; i++) m[i][i] = random.nextInt(3);
            } else {
                for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) m[i][j] = m[j][i] = random.nextGaussian();
            }
            double[] flat = new double[n * n];
            for (int i = 0; i < n; i++) System.arraycopy(m[i], 0, flat, i * n, n);
            double[] expected = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(m, true)).getEigenvalues();
            Arrays.sort(expected);
            double norm = 0;
            for (double v : expected) norm = Math.max(norm, Math.abs(v));
            int k0 = random.nextInt(n), k1 = random.nextInt(n), k2 = n - 1 - random.nextInt(Math.min(n, 3));
            double[] actual = SymmetricEigenvalues.reduce(flat, n).ranked(k0, k1, k2);
            int[] ranks = {k0, k1, k2};
            for (int r = 0; r < 3; r++) {
                assertThat(actual[r]).as("trial %d, n %d, rank %d", trial, n, ranks[r])
                        .isCloseTo(expected[ranks[r]], within(1e-12 * Math.max(1, norm)));
            }
        }
    }

    @Test
    void mcc_equals_the_square_root_of_the_second_largest_eigenvalue_of_q() {
        // PyRadiomics: Q(i, j) = Σ_k p(i,k) p(j,k) / (p_x(i) p_y(k)) over the levels with p_x > 0, all its eigenvalues
        // (numpy.linalg.eig), levels present in the ROI but not in this matrix adding eigenvalue 0
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int ng = 2 + random.nextInt(12);
            boolean symmetric = trial % 3 != 0;
            double[] counts = new double[ng * ng];
            int sparsity = 1 + random.nextInt(4);
            for (int i = 0; i < ng; i++) {
                for (int j = symmetric ? i : 0; j < ng; j++) {
                    double c = random.nextInt(sparsity + 1) == 0 ? 1 + random.nextInt(20) : 0;
                    if (trial % 7 == 0 && i != j) c = 0; // diagonal: perfectly dependent levels, MCC 1
                    counts[i * ng + j] = c;
                    if (symmetric) counts[j * ng + i] = c;
                }
            }
            int present = ng + random.nextInt(3);
            double expected = referenceMcc(counts, ng, present);
            double actual = CooccurrenceFeatures.maximalCorrelationCoefficient(counts, ng, present);
            // compared as the eigenvalue, MCC²: near MCC 0 the square root magnifies rounding (√(10⁻¹⁷) = 3·10⁻⁹)
            assertThat(actual * actual).as("trial %d", trial).isCloseTo(expected * expected, within(1e-12));
        }
    }

    @Test
    void mcc_is_one_for_a_single_level_and_the_second_singular_value_for_a_diagonal_matrix() {
        assertThat(CooccurrenceFeatures.maximalCorrelationCoefficient(new double[] {5}, 1, 1)).isEqualTo(1.0);
        // Two levels that only co-occur with themselves: perfectly dependent, MCC 1.
        assertThat(CooccurrenceFeatures.maximalCorrelationCoefficient(new double[] {3, 0, 0, 7}, 2, 2)).isCloseTo(1.0, within(1e-12));
        // Levels 1, 2 co-occurring only with levels 3, 4 (a bipartite GLCM, as a checkerboard gives): A has eigenvalues
        // 1 and −1, both squaring to 1, so MCC 1.
        double[] bipartite = {0, 0, 3, 4, 0, 0, 2, 5, 3, 2, 0, 0, 4, 5, 0, 0};
        assertThat(CooccurrenceFeatures.maximalCorrelationCoefficient(bipartite, 4, 4)).isCloseTo(1.0, within(1e-12));
        // Independent levels (p = px py): second eigenvalue 0.
        assertThat(CooccurrenceFeatures.maximalCorrelationCoefficient(new double[] {1, 1, 1, 1}, 2, 2)).isCloseTo(0.0, within(1e-7));
    }

    /**
     * PyRadiomics's computation, every eigenvalue of Q, taken as those of the similar symmetric
     * {@code S = D^{-1/2} Q D^{1/2}}, {@code S(a, b) = Σ_k p(a,k) p(b,k) / (√(p_x(a) p_x(b)) p_y(k))}, formed in full and
     * decomposed by Hipparchus. (Hipparchus's non-symmetric decomposition of Q itself is not usable as a reference:
     * on some of these matrices it returns a complex pair in place of two real eigenvalues, e.g. 0.727 ± 0.273i for
     * 1 and 0.455, where numpy.linalg.eig, which PyRadiomics uses, gives the real ones.)
     */
    private static double referenceMcc(double[] counts, int ng, int present) {
        double total = 0;
        for (double c : counts) total += c;
        double[] px = new double[ng], py = new double[ng];
        for (int i = 0; i < ng; i++) {
            for (int j = 0; j < ng; j++) {
                px[i] += counts[i * ng + j] / total;
                py[j] += counts[i * ng + j] / total;
            }
        }
        int[] rows = java.util.stream.IntStream.range(0, ng).filter(i -> px[i] > 0).toArray();
        int m = rows.length;
        double[][] s = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                for (int k = 0; k < ng; k++) {
                    if (py[k] > 0) {
                        s[a][b] += counts[rows[a] * ng + k] / total * counts[rows[b] * ng + k] / total
                                / (Math.sqrt(px[rows[a]] * px[rows[b]]) * py[k]);
                    }
                }
            }
        }
        double[] eigenvalues = new double[Math.max(present, m)];
        if (m > 0) System.arraycopy(new EigenDecompositionSymmetric(new Array2DRowRealMatrix(s, false)).getEigenvalues(), 0, eigenvalues, 0, m);
        Arrays.sort(eigenvalues);
        return Math.sqrt(Math.max(0, eigenvalues[eigenvalues.length - 2]));
    }
}
