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
     * itself ({@link #squaredEigenvaluesOfSymmetric}). The loops are in small methods of their own, for the reason
     * given at {@link #symmetricEigenvalues}.
     */
    static double maximalCorrelationCoefficient(double[] counts, int ng, int presentLevels) {
        if (presentLevels < 2) return 1.0;
        double total = sum(counts);
        double[] px = new double[ng], py = new double[ng];
        for (int i = 0; i < ng; i++) px[i] = addRow(counts, i, ng, total, py);
        int[] rows = new int[ng], columns = new int[ng];
        int m = positive(px, rows), kCount = positive(py, columns);
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

    private static double sum(double[] a) {
        double total = 0;
        for (double c : a) total += c;
        return total;
    }

    /** Adds row {@code i} of {@code counts / total} to the column sums {@code py}; returns the row's sum. */
    private static double addRow(double[] counts, int i, int ng, double total, double[] py) {
        double px = 0;
        for (int j = 0, ij = i * ng; j < ng; j++, ij++) {
            double p = counts[ij] / total;
            px += p;
            py[j] += p;
        }
        return px;
    }

    /** Lists the indices of the positive elements of {@code p} in {@code out}; returns their number. */
    private static int positive(double[] p, int[] out) {
        int n = 0;
        for (int i = 0; i < p.length; i++) if (p[i] > 0) out[n++] = i;
        return n;
    }

    /** True if the {@code ng × ng} counts equal their transpose exactly (PyRadiomics's default symmetricalGLCM). */
    private static boolean isSymmetric(double[] counts, int ng) {
        for (int i = 1; i < ng; i++) if (!rowEqualsColumn(counts, ng, i)) return false;
        return true;
    }

    /** True if row {@code i} left of the diagonal equals column {@code i} above it. */
    private static boolean rowEqualsColumn(double[] counts, int ng, int i) {
        for (int j = 0; j < i; j++) if (counts[i * ng + j] != counts[j * ng + i]) return false;
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
        for (int r = 0; r < m; r++) scaledLowerRow(counts, ng, total, rows, scale, r, a, m);
        double[] lambda = symmetricEigenvalues(a, m);
        for (int k = 0; k < m; k++) lambda[k] *= lambda[k];
        return lambda;
    }

    /** Row {@code r} of {@code A} up to the diagonal, mirrored into column {@code r}. */
    private static void scaledLowerRow(double[] counts, int ng, double total, int[] rows, double[] scale, int r, double[] a, int m) {
        int i = rows[r];
        for (int c = 0; c <= r; c++) {
            double v = counts[i * ng + rows[c]] / total * scale[r] * scale[c];
            a[r * m + c] = v;
            a[c * m + r] = v;
        }
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
     * Householder reduction to tridiagonal form ({@link #tridiagonalise}) and the QL algorithm with implicit shifts
     * ({@link #tridiagonalEigenvalues}), without eigenvectors (EISPACK tred1/tql1; Press et al., Numerical Recipes,
     * 3rd ed., §11.3–11.4). About {@code 4n³/3} operations, a fraction of a full decomposition with eigenvectors.
     *
     * <p>Each stage, and each loop nest within a stage, is its own small method called once per step: this runs once
     * per GLCM of a case, so the JIT first meets the loops mid-run and compiles them on stack replacement; as one long
     * method every loop got its own compilation of the whole rest of the method (six C2 compilations, half a CPU
     * second of a 60-case batch), while small methods are each compiled once or twice.
     *
     * @throws ArithmeticException if the QL iteration does not converge (not seen for symmetric input)
     */
    static double[] symmetricEigenvalues(double[] a, int n) {
        double[] d = new double[n], e = new double[n];
        tridiagonalise(a, n, d, e);
        tridiagonalEigenvalues(d, e, n);
        return d;
    }

    /**
     * Householder reduction of the symmetric {@code a} (its lower triangle; overwritten) to the tridiagonal matrix
     * with diagonal {@code d} and sub-diagonal {@code e[1…n−1]} ({@code e[i]} couples rows {@code i − 1} and
     * {@code i}), rows reduced from the last up.
     */
    static void tridiagonalise(double[] a, int n, double[] d, double[] e) {
        for (int i = n - 1; i > 0; i--) e[i] = householderStep(a, n, i, e);
        for (int i = 0; i < n; i++) d[i] = a[i * n + i];
    }

    /**
     * Annihilates row {@code i} left of its sub-diagonal and applies the reflection to the leading {@code i × i}
     * block; returns the new sub-diagonal element. Uses {@code e[0…i−1]} as scratch.
     */
    private static double householderStep(double[] a, int n, int i, double[] e) {
        final int rowI = i * n, l = i - 1;
        if (l == 0) return a[rowI + l];
        double scale = sumOfAbs(a, rowI, i);
        if (scale == 0.0) return a[rowI + l];
        double h = divideAndSumSquares(a, rowI, i, scale);
        double f = a[rowI + l];
        double g = f >= 0.0 ? -Math.sqrt(h) : Math.sqrt(h);
        h -= f * g;
        a[rowI + l] = f - g;
        lowerTimesRow(a, n, i, e);
        double hh = divideAndDot(e, a, rowI, i, h) / (h + h);
        reflect(a, n, i, e, hh);
        return scale * g;
    }

    private static double sumOfAbs(double[] a, int from, int length) {
        double sum = 0;
        for (int k = 0; k < length; k++) sum += Math.abs(a[from + k]);
        return sum;
    }

    /** Divides {@code a[from…from+length)} by {@code scale} in place; returns the sum of the squares of the quotients. */
    private static double divideAndSumSquares(double[] a, int from, int length, double scale) {
        double h = 0;
        for (int k = 0; k < length; k++) {
            a[from + k] /= scale;
            h += a[from + k] * a[from + k];
        }
        return h;
    }

    /**
     * {@code e = A u} with {@code u} = row {@code i}, A the leading {@code i × i} block held in its lower triangle:
     * each element a(j, k), k &lt; j, serves both a(j, k) u(k) and a(k, j) u(j), so A is read row by row (as JAMA's
     * tred2), not down its columns.
     */
    private static void lowerTimesRow(double[] a, int n, int i, double[] e) {
        final int rowI = i * n;
        java.util.Arrays.fill(e, 0, i, 0.0);
        for (int j = 0; j < i; j++) {
            int rowJ = j * n;
            double uj = a[rowI + j];
            double g = e[j] + a[rowJ + j] * uj;
            for (int k = 0; k < j; k++) {
                double ajk = a[rowJ + k];
                g += ajk * a[rowI + k];
                e[k] += ajk * uj;
            }
            e[j] = g;
        }
    }

    /** Divides {@code e[0…i)} by {@code h} in place; returns its dot product with row {@code i} of {@code a}. */
    private static double divideAndDot(double[] e, double[] a, int rowI, int i, double h) {
        double f = 0.0;
        for (int j = 0; j < i; j++) {
            e[j] /= h;
            f += e[j] * a[rowI + j];
        }
        return f;
    }

    /** The rank-two update {@code A −= u qᵀ + q uᵀ} of the leading block's lower triangle, {@code q = e − hh u}. */
    private static void reflect(double[] a, int n, int i, double[] e, double hh) {
        final int rowI = i * n;
        for (int j = 0; j < i; j++) {
            int rowJ = j * n;
            double f = a[rowI + j];
            double g = e[j] - hh * f;
            e[j] = g;
            for (int k = 0; k <= j; k++) a[rowJ + k] -= f * e[k] + g * a[rowI + k];
        }
    }

    /**
     * Overwrites {@code d} with the eigenvalues of the symmetric tridiagonal matrix with diagonal {@code d} and
     * sub-diagonal {@code e[1…n−1]} (as {@link #tridiagonalise} leaves them; {@code e} is overwritten): QL with
     * implicit shifts, one eigenvalue {@code d[l]} at a time.
     */
    static void tridiagonalEigenvalues(double[] d, double[] e, int n) {
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = 0.0;
        for (int l = 0; l < n; l++) {
            int iterations = 0;
            int m;
            while ((m = splitPoint(d, e, n, l)) != l) {
                if (iterations++ == 60) throw new ArithmeticException("symmetric eigenvalues: QL iteration did not converge");
                qlSweep(d, e, l, m);
            }
        }
    }

    /** The first {@code m ≥ l} where the sub-diagonal {@code e[m]} is negligible ({@code n − 1} if none). */
    private static int splitPoint(double[] d, double[] e, int n, int l) {
        final double eps = Math.ulp(1.0);
        int m;
        for (m = l; m < n - 1; m++) {
            double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
            if (Math.abs(e[m]) <= eps * dd) break;
        }
        return m;
    }

    /** One implicitly shifted QL sweep over rows {@code l…m}. */
    private static void qlSweep(double[] d, double[] e, int l, int m) {
        double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
        double r = pythag(g, 1.0);
        g = d[m] - d[l] + e[l] / (g + (g >= 0.0 ? Math.abs(r) : -Math.abs(r)));
        double s = 1.0, c = 1.0, p = 0.0;
        for (int i = m - 1; i >= l; i--) {
            double f = s * e[i];
            double b = c * e[i];
            e[i + 1] = r = pythag(f, g);
            if (r == 0.0) { // underflow: the matrix splits here; sweep again
                d[i + 1] -= p;
                e[m] = 0.0;
                return;
            }
            s = f / r;
            c = g / r;
            g = d[i + 1] - p;
            r = (d[i] - g) * s + 2.0 * c * b;
            p = s * r;
            d[i + 1] = g + p;
            g = c * r - b;
        }
        d[l] -= p;
        e[l] = g;
        e[m] = 0.0;
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
