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
        int n = 0;
        for (int k = 0; k < counts.length; k++) if (counts[k] != 0.0) n++;
        if (entryCounts.length < n) {
            entryRows = new int[n];
            entryColumns = new int[n];
            entryCounts = new double[n];
        }
        int e = 0;
        for (int k = 0; k < counts.length; k++) {
            final double c = counts[k];
            if (c == 0.0) continue;
            entryRows[e] = k / columns + 1;
            entryColumns[e] = k % columns + 1;
            entryCounts[e++] = c;
        }
        return compute(entryRows, entryColumns, entryCounts, n, voxels, out);
    }

    /**
     * Writes the features of the matrix with entries {@code s_ij = counts[k]} at {@code i = rows[k] ≥ 1},
     * {@code j = columns[k] ≥ 1} ({@code k < entries}; zero counts allowed) to {@code out}, indexed by
     * {@link LevelCountFeature#ordinal()}; {@link LevelCountFeature#ENERGY} only if {@code out} has room for it.
     *
     * @param voxels N_v: voxels behind the matrix, summed over the matrices merged into it
     * @return false, leaving {@code out} untouched, if the matrix is empty ({@code N_s = 0})
     */
    public boolean compute(int[] rows, int[] columns, double[] counts, int entries, double voxels, double[] out) {
        int levels = 0, maxJ = 0;
        for (int k = 0; k < entries; k++) {
            levels = Math.max(levels, rows[k]);
            maxJ = Math.max(maxJ, columns[k]);
        }
        if (byLevel.length <= levels) byLevel = new double[levels + 1];
        if (byColumn.length <= maxJ) byColumn = new double[maxJ + 1];
        Arrays.fill(byLevel, 0, levels + 1, 0.0);
        Arrays.fill(byColumn, 0, maxJ + 1, 0.0);
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
        if (total == 0.0) return false;

        double lge = 0, hge = 0, levelSquares = 0, levelMean = 0;
        for (int i = 1; i <= levels; i++) {
            final double si = byLevel[i];
            final double i2 = (double) i * i;
            lge += si / i2;
            hge += si * i2;
            levelSquares += si * si;
            levelMean += i * si;
        }
        levelMean /= total;
        double levelVar = 0;
        for (int i = 1; i <= levels; i++) {
            final double d = i - levelMean;
            levelVar += d * d * byLevel[i];
        }

        double sje = 0, lje = 0, columnSquares = 0, columnMean = 0;
        for (int j = 1; j <= maxJ; j++) {
            final double sj = byColumn[j];
            final double j2 = (double) j * j;
            sje += sj / j2;
            lje += sj * j2;
            columnSquares += sj * sj;
            columnMean += j * sj;
        }
        columnMean /= total;
        double columnVar = 0;
        for (int j = 1; j <= maxJ; j++) {
            final double d = j - columnMean;
            columnVar += d * d * byColumn[j];
        }

        out[LevelCountFeature.SMALL_J_EMPHASIS.ordinal()] = sje / total;
        out[LevelCountFeature.LARGE_J_EMPHASIS.ordinal()] = lje / total;
        out[LevelCountFeature.LOW_GREY_LEVEL_EMPHASIS.ordinal()] = lge / total;
        out[LevelCountFeature.HIGH_GREY_LEVEL_EMPHASIS.ordinal()] = hge / total;
        out[LevelCountFeature.SMALL_J_LOW_GREY_LEVEL_EMPHASIS.ordinal()] = sjlge / total;
        out[LevelCountFeature.SMALL_J_HIGH_GREY_LEVEL_EMPHASIS.ordinal()] = sjhge / total;
        out[LevelCountFeature.LARGE_J_LOW_GREY_LEVEL_EMPHASIS.ordinal()] = ljlge / total;
        out[LevelCountFeature.LARGE_J_HIGH_GREY_LEVEL_EMPHASIS.ordinal()] = ljhge / total;
        out[LevelCountFeature.GREY_LEVEL_NON_UNIFORMITY.ordinal()] = levelSquares / total;
        out[LevelCountFeature.GREY_LEVEL_NON_UNIFORMITY_NORMALISED.ordinal()] = levelSquares / (total * total);
        out[LevelCountFeature.J_NON_UNIFORMITY.ordinal()] = columnSquares / total;
        out[LevelCountFeature.J_NON_UNIFORMITY_NORMALISED.ordinal()] = columnSquares / (total * total);
        out[LevelCountFeature.PERCENTAGE.ordinal()] = total / voxels;
        out[LevelCountFeature.GREY_LEVEL_VARIANCE.ordinal()] = levelVar / total;
        out[LevelCountFeature.J_VARIANCE.ordinal()] = columnVar / total;
        out[LevelCountFeature.ENTROPY.ordinal()] = INV_LN2 * (Math.log(total) - sumCLogC / total);
        if (out.length > LevelCountFeature.ENERGY.ordinal()) {
            out[LevelCountFeature.ENERGY.ordinal()] = sumSquares / (total * total);
        }
        return true;
    }
}
