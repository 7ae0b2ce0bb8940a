package org.radiome.features.pyradiomics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
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
 *       (D = diag p_x), whose eigenvalues Hipparchus computes; levels without pairs along the angle add eigenvalue 0.
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
        List<double[]> out = new ArrayList<>(angles.size());
        for (int[] a : angles) out.add(Glcm.cooccurrenceMatrix(g, a[0], a[1], a[2], symmetric));
        return out;
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

    /** MCC of one matrix of counts; see the class javadoc. */
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
        int[] rows = new int[ng];
        int m = 0;
        for (int i = 0; i < ng; i++) if (px[i] > 0) rows[m++] = i;
        double[][] b = new double[m][m];
        for (int r = 0; r < m; r++) {
            int i = rows[r];
            for (int c = r; c < m; c++) {
                int j = rows[c];
                double sum = 0;
                for (int k = 0; k < ng; k++) {
                    if (py[k] == 0) continue;
                    sum += (counts[i * ng + k] / total) * (counts[j * ng + k] / total) / py[k];
                }
                double v = sum / Math.sqrt(px[i] * px[j]);
                b[r][c] = v;
                b[c][r] = v;
            }
        }
        double[] eigenvalues = new double[Math.max(presentLevels, m)];
        if (m > 0) {
            double[] e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(b, false)).getEigenvalues();
            System.arraycopy(e, 0, eigenvalues, 0, m);
        }
        java.util.Arrays.sort(eigenvalues);
        return Math.sqrt(eigenvalues[eigenvalues.length - 2]);
    }
}
