package org.radiome.features.texture;

import java.util.Objects;

/**
 * IBSI feature aggregation (5QB6) for the families built on a {@link LevelCountMatrix} (GLSZM, GLDZM,
 * NGLDM):
 * <ul>
 *   <li>2D (IBSI 8QNN): one matrix per axial slice that has ROI voxels; each feature is the mean over
 *       those slices.</li>
 *   <li>2.5D (IBSI 62GR): the per-slice matrices summed into one, N_v summed likewise.</li>
 *   <li>3D (IBSI KOBO): one matrix of the whole volume.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class LevelCountAggregation {
    private LevelCountAggregation() {}

    /** Adds the observations and voxels of one slab of slices to a matrix. */
    @FunctionalInterface
    public interface SlabFiller {
        /**
         * Adds to {@code matrix} what slices {@code zFrom} (inclusive) to {@code zTo} (exclusive) hold.
         *
         * @param threeD true for 3D neighbourhoods across slices, false for in-plane neighbourhoods
         *               (the slab is then one slice)
         */
        void fill(int zFrom, int zTo, boolean threeD, LevelCountMatrix.Builder matrix);
    }

    /**
     * The {@link LevelCountFeature}s (indexed by ordinal) aggregated as {@code dimension} demands.
     *
     * @param sliceCount the number of axial slices (nz of the ROI box)
     * @throws IllegalArgumentException if no slice has ROI voxels
     */
    public static double[] features(TextureDimension dimension, int levelCount, int sliceCount, SlabFiller filler) {
        return features(dimension, sliceCount, new LevelCountMatrix.Builder(levelCount), filler);
    }

    /**
     * As {@link #features(TextureDimension, int, int, SlabFiller)}, filling {@code builder} (empty; sized for the
     * family's columns, see {@link LevelCountMatrix.Builder#Builder(int, int)}).
     */
    public static double[] features(TextureDimension dimension, int sliceCount, LevelCountMatrix.Builder builder,
                                     SlabFiller filler) {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(builder, "builder");
        switch (dimension) {
            case TWO_D -> {
                double[] sum = new double[LevelCountFeature.values().length];
                int slices = 0;
                for (int z = 0; z < sliceCount; z++) {
                    builder.clear();
                    filler.fill(z, z + 1, false, builder);
                    if (builder.voxels() == 0) continue;
                    double[] f = builder.build().features();
                    for (int k = 0; k < sum.length; k++) sum[k] += f[k];
                    slices++;
                }
                if (slices == 0) throw new IllegalArgumentException("the ROI has no voxels in any slice");
                for (int k = 0; k < sum.length; k++) sum[k] /= slices;
                return sum;
            }
            case TWO_AND_A_HALF_D -> {
                for (int z = 0; z < sliceCount; z++) filler.fill(z, z + 1, false, builder);
                return nonEmpty(builder).build().features();
            }
            case THREE_D -> {
                filler.fill(0, sliceCount, true, builder);
                return nonEmpty(builder).build().features();
            }
            default -> throw new AssertionError(dimension);
        }
    }

    private static LevelCountMatrix.Builder nonEmpty(LevelCountMatrix.Builder builder) {
        if (builder.voxels() == 0) throw new IllegalArgumentException("the ROI has no voxels");
        return builder;
    }
}
