package org.radiome.features.glrlm;

import org.radiome.features.glrlm.Glrlm.Feature;
import org.radiome.features.texture.LevelCountFeature;
import org.radiome.features.texture.LevelCountStatistics;

/**
 * The 16 IBSI GLRLM features (IBSI 3.7) of one run length matrix {@code r_ij} (grey level i, run length
 * j) with {@code N_s = Σ r_ij} runs over {@code N_v} voxels: the {@link LevelCountFeature}s but energy, in the
 * same order, computed by the shared {@link LevelCountStatistics} kernel.
 *
 * <p>Holds scratch arrays, so one instance serves one thread; create one per {@code compute} call.
 */
final class GlrlmFeatureCalculator {
    static {
        // Glrlm.Feature lists the LevelCountFeatures in their order, ending before ENERGY.
        if (Feature.values().length != LevelCountFeature.ENERGY.ordinal()) throw new AssertionError("GLRLM features differ from LevelCountFeature");
    }

    private final int maxRun;
    private final LevelCountStatistics statistics;

    GlrlmFeatureCalculator(int ng, int maxRun) {
        this.maxRun = maxRun;
        this.statistics = new LevelCountStatistics(ng, maxRun);
    }

    /** Number of values written by {@link #compute}. */
    static int featureCount() { return Feature.values().length; }

    /**
     * Writes the features of {@code counts} ({@code ng × maxRun}, row-major) to {@code out}, indexed by
     * {@link Feature#ordinal()}.
     *
     * @param voxels N_v: ROI voxels behind the matrix, summed over the matrices merged into it
     * @return false, leaving {@code out} untouched, if the matrix holds no run
     */
    boolean compute(double[] counts, double voxels, double[] out) {
        return statistics.computeDense(counts, maxRun, voxels, out);
    }
}
