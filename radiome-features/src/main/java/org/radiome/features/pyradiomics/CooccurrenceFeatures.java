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
 *       (D = diag p_x), whose largest eigenvalues {@link SymmetricEigenvalues} computes; levels without pairs along the
 *       angle add eigenvalue 0.
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
     * columns with {@code p_y > 0}, and computes only its largest eigenvalues ({@link SymmetricEigenvalues}); for
     * symmetric counts, as the squares of the extreme eigenvalues of the symmetric {@code A} itself
     * ({@link #largestSquares}). The loops are in small methods of their own (docs/performance.md).
     */
    static double maximalCorrelationCoefficient(double[] counts, int ng, int presentLevels) {
        if (presentLevels < 2) return 1.0;
        double total = sum(counts);
        double[] px = new double[ng], py = new double[ng];
        for (int i = 0; i < ng; i++) px[i] = addRow(counts, i, ng, total, py);
        int[] rows = new int[ng], columns = new int[ng];
        int m = positive(px, rows), kCount = positive(py, columns);
        // the two largest eigenvalues of B, then the second largest of those and of the eigenvalues 0 that levels
        // present in the ROI but without pairs along this angle add
        double[] top = m == 0 ? new double[0]
                : isSymmetric(counts, ng) ? largestSquares(scaledMatrix(counts, ng, total, inverseSquareRoots(px, rows, m), rows, m), m)
                : largestTwo(product(counts, ng, total, px, py, rows, m, columns, kCount), m);
        int zeros = Math.min(2, Math.max(presentLevels, m) - m);
        return Math.sqrt(secondLargest(java.util.Arrays.copyOf(top, top.length + zeros))); // zeros appended
    }

    /** The second largest of at least two values (the largest if it occurs twice). */
    private static double secondLargest(double[] v) {
        double first = Math.max(v[0], v[1]), second = Math.min(v[0], v[1]);
        for (int k = 2; k < v.length; k++) {
            if (v[k] > first) {
                second = first;
                first = v[k];
            } else if (v[k] > second) {
                second = v[k];
            }
        }
        return second;
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
     * The two largest of the squared eigenvalues (one if {@code m = 1}) of the symmetric {@code m × m} {@code a}
     * (overwritten). For symmetric counts {@code p_y = p_x} (summed in the same order, so equal to the bit), the
     * columns with {@code p_y > 0} are the rows, and {@code A = D^{-1/2} P D^{-1/2}} is symmetric, so
     * {@code B = A A^T = A²} and its eigenvalues are the squares of those of {@code A}: one eigenvalue problem of the
     * same size, without forming the product. The largest squares are those of the largest and smallest eigenvalues:
     * with λ₀ ≤ λ₁ ≤ … ≤ λₘ₋₁, the largest square is λₘ₋₁² or λ₀²; if λₘ₋₁², every other eigenvalue lies in
     * [λ₀, λₘ₋₂], so the second is the larger of λₘ₋₂² and λ₀²; else the others lie in [λ₁, λₘ₋₁] and it is the
     * larger of λₘ₋₁² and λ₁².
     */
    private static double[] largestSquares(double[] a, int m) {
        if (m == 1) return new double[] {a[0] * a[0]};
        SymmetricEigenvalues.Tridiagonal t = SymmetricEigenvalues.reduce(a, m);
        double[] lambda = t.ranked(m - 1, m - 2, 0);
        double largest = lambda[0], nextLargest = lambda[1], smallest = lambda[2];
        if (largest * largest >= smallest * smallest) {
            return new double[] {largest * largest, Math.max(nextLargest * nextLargest, smallest * smallest)};
        }
        double nextSmallest = t.ranked(1, 1, 1)[0];
        return new double[] {smallest * smallest, Math.max(largest * largest, nextSmallest * nextSmallest)};
    }

    /** The two largest eigenvalues (one if {@code m = 1}) of the symmetric {@code m × m} {@code b} (overwritten). */
    private static double[] largestTwo(double[] b, int m) {
        if (m == 1) return new double[] {b[0]};
        double[] lambda = SymmetricEigenvalues.reduce(b, m).ranked(m - 1, m - 2, m - 2);
        return new double[] {lambda[0], lambda[1]};
    }

    /** {@code 1 / √p[rows[r]]} for r &lt; m. */
    private static double[] inverseSquareRoots(double[] p, int[] rows, int m) {
        double[] out = new double[m];
        for (int r = 0; r < m; r++) out[r] = 1.0 / Math.sqrt(p[rows[r]]);
        return out;
    }

    /** The symmetric {@code m × m} matrix {@code A(r, c) = counts(rows[r], rows[c]) / total · scale[r] · scale[c]}. */
    private static double[] scaledMatrix(double[] counts, int ng, double total, double[] scale, int[] rows, int m) {
        double[] a = new double[m * m];
        for (int r = 0; r < m; r++) {
            int i = rows[r];
            for (int c = 0; c <= r; c++) {
                double v = counts[i * ng + rows[c]] / total * scale[r] * scale[c];
                a[r * m + c] = v;
                a[c * m + r] = v;
            }
        }
        return a;
    }

    /** {@code B = A A^T} for any counts (see {@link #maximalCorrelationCoefficient}). */
    private static double[] product(double[] counts, int ng, double total, double[] px, double[] py, int[] rows, int m,
            int[] columns, int kCount) {
        // A, m × kCount row-major: the p(i, k) scaled so that B = A A^T.
        double[] a = new double[m * kCount];
        double[] columnScale = inverseSquareRoots(py, columns, kCount);
        for (int r = 0; r < m; r++) scaledRow(counts, ng, rows[r], 1.0 / (total * Math.sqrt(px[rows[r]])), columns, columnScale, a, r * kCount);
        return gram(a, m, kCount);
    }

    /** {@code a[at + c] = counts(i, columns[c]) · rowScale · columnScale[c]}. */
    private static void scaledRow(double[] counts, int ng, int i, double rowScale, int[] columns, double[] columnScale, double[] a, int at) {
        for (int c = 0; c < columnScale.length; c++) a[at + c] = counts[i * ng + columns[c]] * rowScale * columnScale[c];
    }

    /** {@code A Aᵀ} of the {@code m × k} row-major {@code a}. */
    private static double[] gram(double[] a, int m, int k) {
        double[] b = new double[m * m];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c <= r; c++) {
                double sum = 0;
                for (int t = 0, ir = r * k, ic = c * k; t < k; t++) sum += a[ir + t] * a[ic + t];
                b[r * m + c] = sum;
                b[c * m + r] = sum;
            }
        }
        return b;
    }
}
