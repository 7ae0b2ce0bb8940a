package org.radiome.features.texture;

import java.util.Arrays;

/**
 * The {@link LevelCountFeature}s of a grey level × count matrix {@code s_ij}: one kernel for GLRLM (dense run
 * length matrices, possibly weighted), GLSZM, GLDZM and NGLDM ({@link LevelCountMatrix}, sparse entries).
 *
 * <p>One pass over the entries {@code (i, j, s_ij)} yields {@code N_s}, the marginals {@code s_i.} and
 * {@code s_.j}, the four joint emphases, {@code Σ s log s} and {@code Σ s²}; the other features follow from the
 * marginals in O(N_g + max j). The variances use the marginals,
 * {@code Σ_ij (i − μ)² p_ij = Σ_i (i − μ)² s_i. / N_s}; entropy uses
 * {@code −Σ p log2 p = log2 N_s − Σ s log2 s / N_s}; energy is {@code Σ s² / N_s²}.
 *
 * <p>Holds the marginal arrays as scratch (grown on demand, never shrunk), so one instance serves one thread
 * and the per-matrix computation allocates nothing.
 */
public final class LevelCountStatistics {
    private static final double INV_LN2 = 1.0 / Math.log(2.0);
    private static final int FEATURES = LevelCountFeature.values().length;

    /** Marginals, 1-based: {@code byLevel[i] = s_i.}, {@code byColumn[j] = s_.j}. */
    private double[] byLevel;
    private double[] byColumn;
    /** Gathered non-zero entries of a dense matrix. */
    private int[] entryRows = new int[0];
    private int[] entryColumns = new int[0];
    private double[] entryCounts = new double[0];

    /** Slots of {@link #joint}: sums over the entries. */
    private static final int TOTAL = 0, SJLGE = 1, SJHGE = 2, LJLGE = 3, LJHGE = 4, C_LOG_C = 5, SQUARES = 6;
    /** Slots of {@link #level} and {@link #column}: sums over a marginal. */
    private static final int INVERSE_SQUARE = 0, SQUARE = 1, SQUARED_COUNTS = 2, VARIANCE = 3;
    /** Scratch sums of one matrix. */
    private final double[] joint = new double[7], level = new double[4], column = new double[4];

    /** Scratch sized for rows {@code 1…levelCount} and columns {@code 1…maxColumn}; larger matrices grow it. */
    public LevelCountStatistics(int levelCount, int maxColumn) {
        this.byLevel = new double[levelCount + 1];
        this.byColumn = new double[maxColumn + 1];
    }

    /** Number of values {@link #compute} can write: all {@link LevelCountFeature}s. */
    public static int featureCount() { return FEATURES; }

    /**
     * The features of the dense row-major matrix {@code counts[(i − 1) · columns + (j − 1)] = s_ij}; see
     * {@link #compute(int[], int[], double[], int, double, double[])} for {@code voxels} and {@code out}.
     */
    public boolean computeDense(double[] counts, int columns, double voxels, double[] out) {
        int n = nonZeros(counts);
        if (entryCounts.length < n) {
            entryRows = new int[n];
            entryColumns = new int[n];
            entryCounts = new double[n];
        }
        gatherNonZeros(counts, columns, entryRows, entryColumns, entryCounts);
        return compute(entryRows, entryColumns, entryCounts, n, voxels, out);
    }

    private static int nonZeros(double[] counts) {
        int n = 0;
        for (int k = 0; k < counts.length; k++) if (counts[k] != 0.0) n++;
        return n;
    }

    /** The non-zero {@code counts} as 1-based (row, column, count) entries, in order. */
    private static void gatherNonZeros(double[] counts, int columns, int[] rows, int[] cols, double[] values) {
        int e = 0;
        for (int k = 0; k < counts.length; k++) {
            final double c = counts[k];
            if (c == 0.0) continue;
            rows[e] = k / columns + 1;
            cols[e] = k % columns + 1;
            values[e++] = c;
        }
    }

    /**
     * Writes the features of the matrix with entries {@code s_ij = counts[k]} at {@code i = rows[k] ≥ 1},
     * {@code j = columns[k] ≥ 1} ({@code k < entries}; zero counts allowed) to {@code out}, indexed by
     * {@link LevelCountFeature#ordinal()}; {@link LevelCountFeature#ENERGY} only if {@code out} has room for it.
     *
     * <p>Each pass is a small method of its own: this runs a few times per case, so the JIT meets the loops mid-run;
     * as one method every loop got its own on-stack-replacement compilation of the whole rest of it (seven C2
     * compilations in a 60-case batch).
     *
     * @param voxels N_v: voxels behind the matrix, summed over the matrices merged into it
     * @return false, leaving {@code out} untouched, if the matrix is empty ({@code N_s = 0})
     */
    public boolean compute(int[] rows, int[] columns, double[] counts, int entries, double voxels, double[] out) {
        int levels = max(rows, entries), maxJ = max(columns, entries);
        if (byLevel.length <= levels) byLevel = new double[levels + 1];
        if (byColumn.length <= maxJ) byColumn = new double[maxJ + 1];
        Arrays.fill(byLevel, 0, levels + 1, 0.0);
        Arrays.fill(byColumn, 0, maxJ + 1, 0.0);
        final double[] joint = this.joint, level = this.level, column = this.column;
        accumulate(rows, columns, counts, entries, byLevel, byColumn, joint);
        final double total = joint[TOTAL];
        if (total == 0.0) return false;
        marginal(byLevel, levels, total, level);
        marginal(byColumn, maxJ, total, column);

        out[LevelCountFeature.SMALL_J_EMPHASIS.ordinal()] = column[INVERSE_SQUARE] / total;
        out[LevelCountFeature.LARGE_J_EMPHASIS.ordinal()] = column[SQUARE] / total;
        out[LevelCountFeature.LOW_GREY_LEVEL_EMPHASIS.ordinal()] = level[INVERSE_SQUARE] / total;
        out[LevelCountFeature.HIGH_GREY_LEVEL_EMPHASIS.ordinal()] = level[SQUARE] / total;
        out[LevelCountFeature.SMALL_J_LOW_GREY_LEVEL_EMPHASIS.ordinal()] = joint[SJLGE] / total;
        out[LevelCountFeature.SMALL_J_HIGH_GREY_LEVEL_EMPHASIS.ordinal()] = joint[SJHGE] / total;
        out[LevelCountFeature.LARGE_J_LOW_GREY_LEVEL_EMPHASIS.ordinal()] = joint[LJLGE] / total;
        out[LevelCountFeature.LARGE_J_HIGH_GREY_LEVEL_EMPHASIS.ordinal()] = joint[LJHGE] / total;
        out[LevelCountFeature.GREY_LEVEL_NON_UNIFORMITY.ordinal()] = level[SQUARED_COUNTS] / total;
        out[LevelCountFeature.GREY_LEVEL_NON_UNIFORMITY_NORMALISED.ordinal()] = level[SQUARED_COUNTS] / (total * total);
        out[LevelCountFeature.J_NON_UNIFORMITY.ordinal()] = column[SQUARED_COUNTS] / total;
        out[LevelCountFeature.J_NON_UNIFORMITY_NORMALISED.ordinal()] = column[SQUARED_COUNTS] / (total * total);
        out[LevelCountFeature.PERCENTAGE.ordinal()] = total / voxels;
        out[LevelCountFeature.GREY_LEVEL_VARIANCE.ordinal()] = level[VARIANCE] / total;
        out[LevelCountFeature.J_VARIANCE.ordinal()] = column[VARIANCE] / total;
        out[LevelCountFeature.ENTROPY.ordinal()] = INV_LN2 * (Math.log(total) - joint[C_LOG_C] / total);
        if (out.length > LevelCountFeature.ENERGY.ordinal()) {
            out[LevelCountFeature.ENERGY.ordinal()] = joint[SQUARES] / (total * total);
        }
        return true;
    }

    private static int max(int[] a, int n) {
        int max = 0;
        for (int k = 0; k < n; k++) max = Math.max(max, a[k]);
        return max;
    }

    /**
     * One pass over the entries: the marginals {@code byLevel}, {@code byColumn} and, into {@code sums}, {@code N_s},
     * the four joint emphases, {@code Σ s log s} and {@code Σ s²}.
     */
    private static void accumulate(int[] rows, int[] columns, double[] counts, int entries, double[] byLevel, double[] byColumn,
            double[] sums) {
        double total = 0, sjlge = 0, sjhge = 0, ljlge = 0, ljhge = 0, sumCLogC = 0, sumSquares = 0;
        for (int k = 0; k < entries; k++) {
            final double c = counts[k];
            if (c == 0.0) continue;
            final int i = rows[k], j = columns[k];
            final double i2 = (double) i * i;
            final double j2 = (double) j * j;
            total += c;
            byLevel[i] += c;
            byColumn[j] += c;
            sjlge += c / (i2 * j2);
            sjhge += c * i2 / j2;
            ljlge += c * j2 / i2;
            ljhge += c * i2 * j2;
            sumCLogC += c * Math.log(c);
            sumSquares += c * c;
        }
        sums[TOTAL] = total;
        sums[SJLGE] = sjlge;
        sums[SJHGE] = sjhge;
        sums[LJLGE] = ljlge;
        sums[LJHGE] = ljhge;
        sums[C_LOG_C] = sumCLogC;
        sums[SQUARES] = sumSquares;
    }

    /**
     * Over a marginal {@code s[1…last]} (of rows or of columns, the same formulas) with {@code Σ s = total}: into
     * {@code sums}, {@code Σ s_k / k²}, {@code Σ s_k k²}, {@code Σ s_k²} and {@code Σ (k − μ)² s_k} with
     * {@code μ = Σ k s_k / total}.
     */
    private static void marginal(double[] s, int last, double total, double[] sums) {
        double inverseSquare = 0, square = 0, squaredCounts = 0, mean = 0;
        for (int k = 1; k <= last; k++) {
            final double sk = s[k];
            final double k2 = (double) k * k;
            inverseSquare += sk / k2;
            square += sk * k2;
            squaredCounts += sk * sk;
            mean += k * sk;
        }
        mean /= total;
        double variance = 0;
        for (int k = 1; k <= last; k++) {
            final double d = k - mean;
            variance += d * d * s[k];
        }
        sums[INVERSE_SQUARE] = inverseSquare;
        sums[SQUARE] = square;
        sums[SQUARED_COUNTS] = squaredCounts;
        sums[VARIANCE] = variance;
    }
}
