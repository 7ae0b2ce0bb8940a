package org.radiome.features.glcm;

import java.util.Arrays;

import org.radiome.features.glcm.Glcm.Feature;

/**
 * The 25 IBSI GLCM features (IBSI 3.6) of one co-occurrence matrix.
 *
 * <p>One pass over the {@code ng × ng} counts yields the total, the row and column marginals
 * {@code p_i.}, {@code p_.j}, the diagonal and cross-diagonal probabilities {@code p_{i-j,k}},
 * {@code p_{i+j,k}}, the maximum, {@code Σ c²}, {@code Σ i j c} and {@code Σ c log2 c}; every feature is
 * then computed from these in O(ng). Identities used (exact, IBSI section "Grey level co-occurrence
 * based features" and its cited work):
 * <ul>
 *   <li>joint variance {@code Σ_ij (i − μ)² p_ij = Σ_i (i − μ)² p_i.};</li>
 *   <li>cluster tendency, shade and prominence {@code Σ_ij (i + j − μ_i. − μ_.j)^n p_ij
 *       = Σ_k (k − μ_i. − μ_.j)^n p_{i+j,k}};</li>
 *   <li>{@code HXY1 = HXY2 = HX + HY}, because summing {@code p_ij} (or {@code p_i. p_.j}) over one index
 *       leaves the marginal;</li>
 *   <li>joint entropy {@code −Σ p log2 p = log2 N − Σ c log2 c / N} with {@code N = Σ c}.</li>
 * </ul>
 * The formulas use separate row and column marginals, so they hold for non-symmetric matrices too, and
 * reduce to IBSI's symmetric forms when the matrix is symmetric. For information correlation 1 the
 * denominator is {@code max(HX, HY)} (Haralick 1973), which is IBSI's {@code HX} for a symmetric matrix.
 *
 * <p>Degenerate cases that IBSI leaves undefined (0/0 when the matrix holds a single grey level):
 * correlation is 1 (as in PyRadiomics and MIRP), information correlation 1 is 0 (mutual information and
 * marginal entropy are both 0; information correlation 2 is then 0 as well).
 *
 * <p>Holds scratch arrays, so one instance serves one thread; create one per {@code compute} call.
 */
final class GlcmFeatureCalculator {
    private static final double INV_LN2 = 1.0 / Math.log(2.0);

    private final int ng;
    private final double[] rows;
    private final double[] cols;
    private final double[] diagonal;
    private final double[] crossDiagonal;
    /**
     * Scratch sums of one matrix, at the indices below. Each pass is a small method of its own: this runs a few
     * times per case, so the JIT meets the loops mid-run, and as one method each loop got its own on-stack-replacement
     * compilation of the rest of it.
     */
    private final double[] sums = new double[SLOTS];
    private static final int TOTAL = 0, MAX = 1, SQUARES = 2, IJ = 3, C_LOG_C = 4, MU_I = 5, MU_J = 6, HX = 7, HY = 8,
            ROW_LEVELS = 9, COLUMN_LEVELS = 10, VAR_I = 11, VAR_J = 12, DIFF_AVG = 13, DIFF_ENTR = 14, CONTRAST = 15,
            INV_DIFF = 16, INV_DIFF_NORM = 17, INV_DIFF_MOM = 18, INV_DIFF_MOM_NORM = 19, INV_VAR = 20, DIFF_VAR = 21,
            SUM_AVG = 22, SUM_ENTR = 23, SUM_VAR = 24, CLUST_TEND = 25, CLUST_SHADE = 26, CLUST_PROM = 27, SLOTS = 28;

    GlcmFeatureCalculator(int ng) {
        this.ng = ng;
        this.rows = new double[ng];
        this.cols = new double[ng];
        this.diagonal = new double[ng];
        this.crossDiagonal = new double[2 * ng - 1];
    }

    /** Number of values written by {@link #compute}. */
    static int featureCount() { return Feature.values().length; }

    /**
     * Writes the features of {@code counts} to {@code out}, indexed by {@link Feature#ordinal()}.
     *
     * @return false, leaving {@code out} untouched, if the matrix is empty (no voxel pairs): IBSI defines
     *     no feature value then
     */
    boolean compute(double[] counts, double[] out) {
        Arrays.fill(rows, 0.0);
        Arrays.fill(cols, 0.0);
        Arrays.fill(diagonal, 0.0);
        Arrays.fill(crossDiagonal, 0.0);
        final double[] s = sums;
        accumulate(counts, ng, rows, cols, diagonal, crossDiagonal, s);
        final double total = s[TOTAL];
        if (total == 0.0) return false;
        marginals(rows, cols, ng, total, s);
        diagonalSums(diagonal, ng, total, s);
        crossDiagonalSums(crossDiagonal, total, s[MU_I] + s[MU_J], s);

        final double muI = s[MU_I], muJ = s[MU_J], hx = s[HX], hy = s[HY];
        final double hxy = INV_LN2 * (Math.log(total) - s[C_LOG_C] / total);
        final double autoCorr = s[IJ] / total;
        final boolean singleLevel = s[ROW_LEVELS] == 1 && s[COLUMN_LEVELS] == 1;
        final double corr = (s[ROW_LEVELS] == 1 || s[COLUMN_LEVELS] == 1) ? 1.0 : (autoCorr - muI * muJ) / Math.sqrt(s[VAR_I] * s[VAR_J]);
        final double hxy1 = hx + hy; // = HXY2
        final double infoCorr1 = singleLevel ? 0.0 : (hxy - hxy1) / Math.max(hx, hy);
        final double infoCorr2 = Math.sqrt(Math.max(0.0, 1.0 - Math.exp(-2.0 * (hxy1 - hxy))));

        out[Feature.JOINT_MAX.ordinal()] = s[MAX] / total;
        out[Feature.JOINT_AVG.ordinal()] = muI;
        out[Feature.JOINT_VAR.ordinal()] = s[VAR_I];
        out[Feature.JOINT_ENTR.ordinal()] = hxy;
        out[Feature.DIFF_AVG.ordinal()] = s[DIFF_AVG];
        out[Feature.DIFF_VAR.ordinal()] = s[DIFF_VAR];
        out[Feature.DIFF_ENTR.ordinal()] = s[DIFF_ENTR];
        out[Feature.SUM_AVG.ordinal()] = s[SUM_AVG];
        out[Feature.SUM_VAR.ordinal()] = s[SUM_VAR];
        out[Feature.SUM_ENTR.ordinal()] = s[SUM_ENTR];
        out[Feature.ENERGY.ordinal()] = s[SQUARES] / (total * total);
        out[Feature.CONTRAST.ordinal()] = s[CONTRAST];
        out[Feature.DISSIMILARITY.ordinal()] = s[DIFF_AVG];
        out[Feature.INV_DIFF.ordinal()] = s[INV_DIFF];
        out[Feature.INV_DIFF_NORM.ordinal()] = s[INV_DIFF_NORM];
        out[Feature.INV_DIFF_MOM.ordinal()] = s[INV_DIFF_MOM];
        out[Feature.INV_DIFF_MOM_NORM.ordinal()] = s[INV_DIFF_MOM_NORM];
        out[Feature.INV_VAR.ordinal()] = s[INV_VAR];
        out[Feature.CORR.ordinal()] = corr;
        out[Feature.AUTO_CORR.ordinal()] = autoCorr;
        out[Feature.CLUST_TEND.ordinal()] = s[CLUST_TEND];
        out[Feature.CLUST_SHADE.ordinal()] = s[CLUST_SHADE];
        out[Feature.CLUST_PROM.ordinal()] = s[CLUST_PROM];
        out[Feature.INFO_CORR1.ordinal()] = infoCorr1;
        out[Feature.INFO_CORR2.ordinal()] = infoCorr2;
        return true;
    }

    /**
     * The one pass over the counts: the marginals, diagonal and cross-diagonal sums, and into {@code s} the total,
     * maximum, {@code Σ c²}, {@code Σ i j c} and {@code Σ c log c}.
     */
    private static void accumulate(double[] counts, int ng, double[] rows, double[] cols, double[] diagonal, double[] crossDiagonal,
            double[] s) {
        double total = 0, max = 0, sumSquares = 0, sumIJ = 0, sumCLogC = 0;
        for (int i = 0; i < ng; i++) {
            final int base = i * ng;
            for (int j = 0; j < ng; j++) {
                final double c = counts[base + j];
                if (c == 0.0) continue;
                total += c;
                rows[i] += c;
                cols[j] += c;
                diagonal[i > j ? i - j : j - i] += c;
                crossDiagonal[i + j] += c;
                if (c > max) max = c;
                sumSquares += c * c;
                sumIJ += (double) (i + 1) * (j + 1) * c;
                sumCLogC += c * Math.log(c);
            }
        }
        s[TOTAL] = total;
        s[MAX] = max;
        s[SQUARES] = sumSquares;
        s[IJ] = sumIJ;
        s[C_LOG_C] = sumCLogC;
    }

    /** Marginal means, variances and entropies (grey levels are 1-based), and the number of levels present. */
    private static void marginals(double[] rows, double[] cols, int ng, double total, double[] s) {
        double muI = 0, muJ = 0, hx = 0, hy = 0;
        int rowLevels = 0, colLevels = 0;
        for (int i = 0; i < ng; i++) {
            final double pi = rows[i] / total;
            final double pj = cols[i] / total;
            muI += (i + 1) * pi;
            muJ += (i + 1) * pj;
            if (pi > 0) { hx -= pi * log2(pi); rowLevels++; }
            if (pj > 0) { hy -= pj * log2(pj); colLevels++; }
        }
        double varI = 0, varJ = 0;
        for (int i = 0; i < ng; i++) {
            final double di = i + 1 - muI, dj = i + 1 - muJ;
            varI += di * di * rows[i] / total;
            varJ += dj * dj * cols[i] / total;
        }
        s[MU_I] = muI;
        s[MU_J] = muJ;
        s[HX] = hx;
        s[HY] = hy;
        s[ROW_LEVELS] = rowLevels;
        s[COLUMN_LEVELS] = colLevels;
        s[VAR_I] = varI;
        s[VAR_J] = varJ;
    }

    /** The features of the diagonal probabilities {@code p_{i-j,k}}, k = 0…ng−1. */
    private static void diagonalSums(double[] diagonal, int ng, double total, double[] s) {
        double diffAvg = 0, diffEntr = 0, contrast = 0, invDiff = 0, invDiffNorm = 0, invDiffMom = 0,
                invDiffMomNorm = 0, invVar = 0;
        for (int k = 0; k < ng; k++) {
            final double p = diagonal[k] / total;
            if (p == 0.0) continue;
            final double kn = (double) k / ng;
            diffAvg += k * p;
            diffEntr -= p * log2(p);
            contrast += (double) k * k * p;
            invDiff += p / (1.0 + k);
            invDiffNorm += p / (1.0 + kn);
            invDiffMom += p / (1.0 + (double) k * k);
            invDiffMomNorm += p / (1.0 + kn * kn);
            if (k > 0) invVar += p / ((double) k * k);
        }
        double diffVar = 0;
        for (int k = 0; k < ng; k++) {
            final double d = k - diffAvg;
            diffVar += d * d * diagonal[k] / total;
        }
        s[DIFF_AVG] = diffAvg;
        s[DIFF_ENTR] = diffEntr;
        s[CONTRAST] = contrast;
        s[INV_DIFF] = invDiff;
        s[INV_DIFF_NORM] = invDiffNorm;
        s[INV_DIFF_MOM] = invDiffMom;
        s[INV_DIFF_MOM_NORM] = invDiffMomNorm;
        s[INV_VAR] = invVar;
        s[DIFF_VAR] = diffVar;
    }

    /** The features of the cross-diagonal probabilities {@code p_{i+j,k}}, k = 2…2ng, stored at k − 2. */
    private static void crossDiagonalSums(double[] crossDiagonal, double total, double clusterCentre, double[] s) {
        double sumAvg = 0, sumEntr = 0;
        for (int k = 0; k < crossDiagonal.length; k++) {
            final double p = crossDiagonal[k] / total;
            if (p == 0.0) continue;
            sumAvg += (k + 2) * p;
            sumEntr -= p * log2(p);
        }
        double sumVar = 0, clustTend = 0, clustShade = 0, clustProm = 0;
        for (int k = 0; k < crossDiagonal.length; k++) {
            final double p = crossDiagonal[k] / total;
            if (p == 0.0) continue;
            final double ds = k + 2 - sumAvg;
            sumVar += ds * ds * p;
            final double dc = k + 2 - clusterCentre;
            final double dc2 = dc * dc;
            clustTend += dc2 * p;
            clustShade += dc2 * dc * p;
            clustProm += dc2 * dc2 * p;
        }
        s[SUM_AVG] = sumAvg;
        s[SUM_ENTR] = sumEntr;
        s[SUM_VAR] = sumVar;
        s[CLUST_TEND] = clustTend;
        s[CLUST_SHADE] = clustShade;
        s[CLUST_PROM] = clustProm;
    }

    private static double log2(double x) { return Math.log(x) * INV_LN2; }
}
