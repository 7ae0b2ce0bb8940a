package org.radiome.features.pyradiomics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.glcm.Glcm;

/**
 * PyRadiomics's GLCM class ({@code radiomics/glcm.py}) on the IBSI GLCM family's matrix builder and formulas
 * ({@link Glcm#cooccurrenceMatrix}, {@link Glcm#featuresOf}): the definitions agree, so only what differs lives here.
 *
 * <ul>
 *   <li><b>Angles and distances</b>: one matrix per offset of {@link Angles} (13 in 3D for distance 1, 4 in the
 *       plane with force2D, more for several distances), each counted over the whole ROI box.</li>
 *   <li><b>Aggregation</b>: without {@code weightingNorm}, every feature is the mean over the non-empty per-angle
 *       matrices (IBSI's "3D, averaged" for one distance). With a {@code weightingNorm}, the matrices are summed with
 *       weights {@code exp(−‖d‖²)} of the offset's length in mm under that norm (1 for {@code no_weighting}, which is
 *       IBSI's "3D, merged") and the features are those of the sum.</li>
 *   <li><b>Feature names</b>: PyRadiomics names IBSI's joint maximum MaximumProbability, angular second moment
 *       JointEnergy, joint variance SumSquares, inverse difference (moment) (normalised) Id, Idm, Idn, Idmn,
 *       information correlation Imc1, Imc2.</li>
 *   <li><b>Maximal correlation coefficient</b> (MCC, not in IBSI): the square root of the second largest eigenvalue
 *       of {@code Q(i, j) = Σ_k p(i,k) p(j,k) / (p_x(i) p_y(k))} over the grey levels present in the ROI; 1 when the
 *       ROI has a single grey level. Q is similar to the symmetric {@code D^{-1/2} (P D_y^{-1} P^T) D^{-1/2}}
 *       (D = diag p_x), whose eigenvalues {@link #symmetricEigenvalues} computes; levels without pairs along the angle add eigenvalue 0.
 *       PyRadiomics adds ε ≈ 2.2·10⁻¹⁶ to the denominator, which changes nothing at double precision here.</li>
 *   <li>PyRadiomics also adds ε inside its logarithms; the resulting differences are of order 10⁻¹⁴ and ignored.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class CooccurrenceFeatures {
    private CooccurrenceFeatures() {}

    private static final Map<String, Glcm.Feature> SHARED = new LinkedHashMap<>();
    static {
        SHARED.put("Autocorrelation", Glcm.Feature.AUTO_CORR);
        SHARED.put("JointAverage", Glcm.Feature.JOINT_AVG);
        SHARED.put("ClusterProminence", Glcm.Feature.CLUST_PROM);
        SHARED.put("ClusterShade", Glcm.Feature.CLUST_SHADE);
        SHARED.put("ClusterTendency", Glcm.Feature.CLUST_TEND);
        SHARED.put("Contrast", Glcm.Feature.CONTRAST);
        SHARED.put("Correlation", Glcm.Feature.CORR);
        SHARED.put("DifferenceAverage", Glcm.Feature.DIFF_AVG);
        SHARED.put("DifferenceEntropy", Glcm.Feature.DIFF_ENTR);
        SHARED.put("DifferenceVariance", Glcm.Feature.DIFF_VAR);
        SHARED.put("JointEnergy", Glcm.Feature.ENERGY);
        SHARED.put("JointEntropy", Glcm.Feature.JOINT_ENTR);
        SHARED.put("Imc1", Glcm.Feature.INFO_CORR1);
        SHARED.put("Imc2", Glcm.Feature.INFO_CORR2);
        SHARED.put("Idm", Glcm.Feature.INV_DIFF_MOM);
        SHARED.put("Idmn", Glcm.Feature.INV_DIFF_MOM_NORM);
        SHARED.put("Id", Glcm.Feature.INV_DIFF);
        SHARED.put("Idn", Glcm.Feature.INV_DIFF_NORM);
        SHARED.put("InverseVariance", Glcm.Feature.INV_VAR);
        SHARED.put("MaximumProbability", Glcm.Feature.JOINT_MAX);
        SHARED.put("SumAverage", Glcm.Feature.SUM_AVG);
        SHARED.put("SumEntropy", Glcm.Feature.SUM_ENTR);
        SHARED.put("SumSquares", Glcm.Feature.JOINT_VAR);
    }

    /** The per-angle co-occurrence matrices of {@code g}, as PyRadiomics builds them (angles as {@link Angles}). */
    static List<double[]> matrices(GreyLevels g, List<int[]> angles, boolean symmetric) {
        return new ArrayList<>(List.of(Glcm.cooccurrenceMatrices(g, angles.toArray(new int[0][]), symmetric)));
    }

    /** Every non-deprecated GLCM feature by PyRadiomics name. */
    static Map<String, Double> compute(GreyLevels g, Roi roi, PyRadiomicsSettings s, List<int[]> angles) {
        final int ng = g.levelCount();
        final int present = presentLevels(g);
        List<double[]> matrices = matrices(g, angles, s.symmetricalGlcm());
        List<double[]> featureRows = new ArrayList<>();
        if (s.weightingNorm() == null) {
            for (double[] m : matrices) {
                double[] f = Glcm.featuresOf(m, ng);
                if (f == null) continue; // empty angle: PyRadiomics deletes it
                featureRows.add(withMcc(f, m, ng, present));
            }
        } else {
            double[] merged = new double[ng * ng];
            for (int a = 0; a < angles.size(); a++) {
                double w = weight(s.weightingNorm(), angles.get(a), roi);
                double[] m = matrices.get(a);
                for (int k = 0; k < merged.length; k++) merged[k] += w * m[k];
            }
            double[] f = Glcm.featuresOf(merged, ng);
            if (f != null) featureRows.add(withMcc(f, merged, ng, present));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Glcm.Feature> e : SHARED.entrySet()) out.put(e.getKey(), mean(featureRows, e.getValue().ordinal()));
        out.put("MCC", mean(featureRows, Glcm.Feature.values().length));
        return out;
    }

    /** PyRadiomics's GLCM weight of an offset: {@code exp(−‖offset · spacing‖²)} under the weighting norm. */
    static double weight(PyRadiomicsSettings.WeightingNorm norm, int[] offset, Roi roi) {
        double x = Math.abs(offset[0]) * roi.sx, y = Math.abs(offset[1]) * roi.sy, z = Math.abs(offset[2]) * roi.sz;
        return switch (norm) {
            case INFINITY -> {
                double m = Math.max(x, Math.max(y, z));
                yield Math.exp(-m * m);
            }
            case EUCLIDEAN -> Math.exp(-(x * x + y * y + z * z));
            case MANHATTAN -> {
                double m = x + y + z;
                yield Math.exp(-m * m);
            }
            case NO_WEIGHTING -> 1.0;
        };
    }

    private static double[] withMcc(double[] features, double[] counts, int ng, int present) {
        double[] row = java.util.Arrays.copyOf(features, features.length + 1);
        row[features.length] = maximalCorrelationCoefficient(counts, ng, present);
        return row;
    }

    private static double mean(List<double[]> rows, int index) {
        if (rows.isEmpty()) return Double.NaN;
        double sum = 0;
        for (double[] r : rows) sum += r[index];
        return sum / rows.size();
    }

    static int presentLevels(GreyLevels g) {
        boolean[] seen = new boolean[g.levelCount() + 1];
        int n = 0;
        for (int level : g.levels()) {
            if (level > 0 && !seen[level]) {
                seen[level] = true;
                n++;
            }
        }
        return n;
    }

    /**
     * MCC of one matrix of counts; see the class javadoc. Builds the symmetric matrix on the levels with
     * {@code p_x > 0} only, as {@code B = A A^T} with {@code A(i, k) = p(i, k) / √(p_x(i) p_y(k))} over the
     * columns with {@code p_y > 0}, and computes its eigenvalues without eigenvectors
     * ({@link #symmetricEigenvalues}); for symmetric counts as the squared eigenvalues of the symmetric {@code A}
     * itself ({@link #squaredEigenvaluesOfSymmetric}).
     */
    static double maximalCorrelationCoefficient(double[] counts, int ng, int presentLevels) {
        if (presentLevels < 2) return 1.0;
        double total = 0;
        for (double c : counts) total += c;
        double[] px = new double[ng], py = new double[ng];
        for (int i = 0; i < ng; i++) {
            for (int j = 0; j < ng; j++) {
                double p = counts[i * ng + j] / total;
                px[i] += p;
                py[j] += p;
            }
        }
        int[] rows = new int[ng], columns = new int[ng];
        int m = 0, kCount = 0;
        for (int i = 0; i < ng; i++) {
            if (px[i] > 0) rows[m++] = i;
            if (py[i] > 0) columns[kCount++] = i;
        }
        // Levels present in the ROI but without pairs along this angle add eigenvalue 0.
        double[] eigenvalues = new double[Math.max(presentLevels, m)];
        if (m > 0) {
            double[] lambda = isSymmetric(counts, ng) ? squaredEigenvaluesOfSymmetric(counts, ng, total, px, rows, m)
                    : eigenvaluesOfProduct(counts, ng, total, px, py, rows, m, columns, kCount);
            System.arraycopy(lambda, 0, eigenvalues, 0, m);
        }
        java.util.Arrays.sort(eigenvalues);
        return Math.sqrt(eigenvalues[eigenvalues.length - 2]);
    }

    /** True if the {@code ng × ng} counts equal their transpose exactly (PyRadiomics's default symmetricalGLCM). */
    private static boolean isSymmetric(double[] counts, int ng) {
        for (int i = 0; i < ng; i++) {
            for (int j = 0; j < i; j++) if (counts[i * ng + j] != counts[j * ng + i]) return false;
        }
        return true;
    }

    /**
     * The eigenvalues of {@code B} for symmetric counts: then {@code p_y = p_x} (summed in the same order, so equal to
     * the bit), the columns with {@code p_y > 0} are the rows, and {@code A = D^{-1/2} P D^{-1/2}} is symmetric, so
     * {@code B = A A^T = A²} and its eigenvalues are the squares of those of {@code A}: one eigenvalue problem of the
     * same size, without forming the product.
     */
    private static double[] squaredEigenvaluesOfSymmetric(double[] counts, int ng, double total, double[] px, int[] rows, int m) {
        double[] scale = new double[m];
        for (int r = 0; r < m; r++) scale[r] = 1.0 / Math.sqrt(px[rows[r]]);
        double[] a = new double[m * m];
        for (int r = 0; r < m; r++) {
            int i = rows[r];
            for (int c = 0; c <= r; c++) {
                double v = counts[i * ng + rows[c]] / total * scale[r] * scale[c];
                a[r * m + c] = v;
                a[c * m + r] = v;
            }
        }
        double[] lambda = symmetricEigenvalues(a, m);
        for (int k = 0; k < m; k++) lambda[k] *= lambda[k];
        return lambda;
    }

    /** The eigenvalues of {@code B = A A^T} for any counts, forming the product (see {@link #maximalCorrelationCoefficient}). */
    private static double[] eigenvaluesOfProduct(double[] counts, int ng, double total, double[] px, double[] py, int[] rows, int m,
            int[] columns, int kCount) {
        // A, m × kCount row-major: the p(i, k) scaled so that B = A A^T.
        double[] a = new double[m * kCount];
        double[] columnScale = new double[kCount];
        for (int c = 0; c < kCount; c++) columnScale[c] = 1.0 / Math.sqrt(py[columns[c]]);
        for (int r = 0; r < m; r++) {
            int i = rows[r];
            double rowScale = 1.0 / (total * Math.sqrt(px[i]));
            for (int c = 0; c < kCount; c++) a[r * kCount + c] = counts[i * ng + columns[c]] * rowScale * columnScale[c];
        }
        double[] b = new double[m * m];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c <= r; c++) {
                double sum = 0;
                for (int k = 0, ir = r * kCount, ic = c * kCount; k < kCount; k++) sum += a[ir + k] * a[ic + k];
                b[r * m + c] = sum;
                b[c * m + r] = sum;
            }
        }
        return symmetricEigenvalues(b, m);
    }

    /**
     * The eigenvalues (unordered) of the symmetric {@code n × n} row-major matrix {@code a}, which is overwritten:
     * Householder reduction to tridiagonal form and the QL algorithm with implicit shifts, without eigenvectors
     * (EISPACK tred1/tql1; Press et al., Numerical Recipes, 3rd ed., §11.3–11.4). About {@code 4n³/3} operations,
     * a fraction of a full decomposition with eigenvectors.
     *
     * @throws ArithmeticException if the QL iteration does not converge (not seen for symmetric input)
     */
    static double[] symmetricEigenvalues(double[] a, int n) {
        double[] d = new double[n], e = new double[n];
        for (int i = n - 1; i > 0; i--) {
            int l = i - 1;
            double h = 0, scale = 0;
            int rowI = i * n;
            if (l > 0) {
                for (int k = 0; k < i; k++) scale += Math.abs(a[rowI + k]);
                if (scale == 0.0) {
                    e[i] = a[rowI + l];
                } else {
                    for (int k = 0; k < i; k++) {
                        a[rowI + k] /= scale;
                        h += a[rowI + k] * a[rowI + k];
                    }
                    double f = a[rowI + l];
                    double g = f >= 0.0 ? -Math.sqrt(h) : Math.sqrt(h);
                    e[i] = scale * g;
                    h -= f * g;
                    a[rowI + l] = f - g;
                    // e = A u / h with u = row i, A the leading i × i block held in its lower triangle: each
                    // element a(j, k), k < j, serves both a(j, k) u(k) and a(k, j) u(j), so A is read row by row
                    // (as JAMA's tred2), not down its columns
                    java.util.Arrays.fill(e, 0, i, 0.0);
                    for (int j = 0; j < i; j++) {
                        int rowJ = j * n;
                        double uj = a[rowI + j];
                        g = e[j] + a[rowJ + j] * uj;
                        for (int k = 0; k < j; k++) {
                            double ajk = a[rowJ + k];
                            g += ajk * a[rowI + k];
                            e[k] += ajk * uj;
                        }
                        e[j] = g;
                    }
                    f = 0.0;
                    for (int j = 0; j < i; j++) {
                        e[j] /= h;
                        f += e[j] * a[rowI + j];
                    }
                    double hh = f / (h + h);
                    for (int j = 0; j < i; j++) {
                        int rowJ = j * n;
                        f = a[rowI + j];
                        e[j] = g = e[j] - hh * f;
                        for (int k = 0; k <= j; k++) a[rowJ + k] -= f * e[k] + g * a[rowI + k];
                    }
                }
            } else {
                e[i] = a[rowI + l];
            }
            d[i] = h;
        }
        for (int i = 0; i < n; i++) d[i] = a[i * n + i];
        // QL with implicit shifts on the tridiagonal (d, e).
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = 0.0;
        final double eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            int iterations = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= eps * dd) break;
                }
                if (m != l) {
                    if (iterations++ == 60) throw new ArithmeticException("symmetric eigenvalues: QL iteration did not converge");
                    double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                    double r = pythag(g, 1.0);
                    g = d[m] - d[l] + e[l] / (g + (g >= 0.0 ? Math.abs(r) : -Math.abs(r)));
                    double s = 1.0, c = 1.0, p = 0.0;
                    int i;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        e[i + 1] = r = pythag(f, g);
                        if (r == 0.0) {
                            d[i + 1] -= p;
                            e[m] = 0.0;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2.0 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                    }
                    if (r == 0.0 && i >= l) continue;
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0.0;
                }
            } while (m != l);
        }
        return d;
    }

    /**
     * {@code √(a² + b²)}. The operands here are sums and differences of probabilities and their ratios, never near the
     * overflow or underflow range of their squares, so the plain formula is used: the scaled form (one more division
     * on the QL iteration's serial dependency chain) cost a quarter of the eigenvalue time.
     */
    private static double pythag(double a, double b) {
        return Math.sqrt(a * a + b * b);
    }
}
