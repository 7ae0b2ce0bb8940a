package org.radiome.features.ngldm;

import java.util.Arrays;
import java.util.Objects;

import org.radiome.features.FeatureDefinition;
import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.LevelCountAggregation;
import org.radiome.features.texture.LevelCountFeature;
import org.radiome.features.texture.LevelCountMatrix;
import org.radiome.features.texture.TextureDimension;

/**
 * Neighbouring grey level dependence matrix features (IBSI REK0, section "Neighbouring grey level
 * dependence based features").
 *
 * <p>For every voxel {@code k} of the intensity mask, the dependence count
 * {@code j_k = 1 + #{m ≠ 0 : ‖m‖∞ ≤ δ, k + m in the ROI, |X_d(k) − X_d(k + m)| ≤ α}}; neighbours outside
 * the ROI do not count, and in 2D the neighbourhood lies within the axial slice. Element {@code s_ij}
 * counts the voxels of grey level {@code i} with dependence {@code j}, so {@code N_s = N_v} and
 * dependence count percentage is 1. Aggregation: 2D (8QNN) averages the features of the slices with ROI
 * voxels, 2.5D (62GR) sums the slice matrices and their N_v, 3D (KOBO) uses one volume matrix.
 *
 * <p>Stateless and thread-safe.
 */
public final class Ngldm {
    private Ngldm() {}

    /** NGLDM features in the order of the IBSI reference tables. */
    public enum Feature implements FeatureDefinition {
        /** Low dependence emphasis, {@code (1/N_s) Σ_j s_.j / j²}. */
        LDE("ngl_lde", "SODN", LevelCountFeature.SMALL_J_EMPHASIS),
        /** High dependence emphasis, {@code (1/N_s) Σ_j j² s_.j}. */
        HDE("ngl_hde", "IMOQ", LevelCountFeature.LARGE_J_EMPHASIS),
        /** Low grey level count emphasis, {@code (1/N_s) Σ_i s_i. / i²}. */
        LGCE("ngl_lgce", "TL9H", LevelCountFeature.LOW_GREY_LEVEL_EMPHASIS),
        /** High grey level count emphasis, {@code (1/N_s) Σ_i i² s_i.}. */
        HGCE("ngl_hgce", "OAE7", LevelCountFeature.HIGH_GREY_LEVEL_EMPHASIS),
        /** Low dependence low grey level emphasis, {@code (1/N_s) Σ s_ij / (i² j²)}. */
        LDLGE("ngl_ldlge", "EQ3F", LevelCountFeature.SMALL_J_LOW_GREY_LEVEL_EMPHASIS),
        /** Low dependence high grey level emphasis, {@code (1/N_s) Σ i² s_ij / j²}. */
        LDHGE("ngl_ldhge", "JA6D", LevelCountFeature.SMALL_J_HIGH_GREY_LEVEL_EMPHASIS),
        /** High dependence low grey level emphasis, {@code (1/N_s) Σ j² s_ij / i²}. */
        HDLGE("ngl_hdlge", "NBZI", LevelCountFeature.LARGE_J_LOW_GREY_LEVEL_EMPHASIS),
        /** High dependence high grey level emphasis, {@code (1/N_s) Σ i² j² s_ij}. */
        HDHGE("ngl_hdhge", "9QMG", LevelCountFeature.LARGE_J_HIGH_GREY_LEVEL_EMPHASIS),
        /** Grey level non-uniformity, {@code (1/N_s) Σ_i s_i.²}. */
        GLNU("ngl_glnu", "FP8K", LevelCountFeature.GREY_LEVEL_NON_UNIFORMITY),
        /** Normalised grey level non-uniformity, {@code (1/N_s²) Σ_i s_i.²}. */
        GLNU_NORM("ngl_glnu_norm", "5SPA", LevelCountFeature.GREY_LEVEL_NON_UNIFORMITY_NORMALISED),
        /** Dependence count non-uniformity, {@code (1/N_s) Σ_j s_.j²}. */
        DCNU("ngl_dcnu", "Z87G", LevelCountFeature.J_NON_UNIFORMITY),
        /** Normalised dependence count non-uniformity, {@code (1/N_s²) Σ_j s_.j²}. */
        DCNU_NORM("ngl_dcnu_norm", "OKJI", LevelCountFeature.J_NON_UNIFORMITY_NORMALISED),
        /** Dependence count percentage, {@code N_s / N_v}: always 1 under the IBSI definition. */
        DC_PERC("ngl_dc_perc", "6XV8", LevelCountFeature.PERCENTAGE),
        /** Grey level variance, {@code Σ (i − μ)² p_ij}. */
        GL_VAR("ngl_gl_var", "1PFV", LevelCountFeature.GREY_LEVEL_VARIANCE),
        /** Dependence count variance, {@code Σ (j − μ)² p_ij}. */
        DC_VAR("ngl_dc_var", "DNX2", LevelCountFeature.J_VARIANCE),
        /** Dependence count entropy, {@code −Σ p_ij log₂ p_ij}. */
        DC_ENTR("ngl_dc_entr", "FCBV", LevelCountFeature.ENTROPY),
        /** Dependence count energy, {@code Σ p_ij²}. */
        DC_ENERGY("ngl_dc_energy", "CAS9", LevelCountFeature.ENERGY);

        private final String tag;
        private final String ibsiCode;
        private final LevelCountFeature statistic;

        Feature(String tag, String ibsiCode, LevelCountFeature statistic) {
            this.tag = tag;
            this.ibsiCode = ibsiCode;
            this.statistic = statistic;
        }

        @Override
        public String tag() { return tag; }

        @Override
        public String ibsiCode() { return ibsiCode; }
    }

    /**
     * The NGLDM features for each dimension in {@code settings}, in the order 2D, 2.5D, 3D, each in
     * {@link Feature} order. Uses {@link GreyLevels#levelCount()} as N_g, Chebyshev distance
     * {@code settings.distance()} as δ and {@code settings.coarseness()} as α.
     */
    public static FeatureSet compute(GreyLevels levels, NgldmSettings settings) {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(settings, "settings");
        FeatureSet out = new FeatureSet();
        for (TextureDimension dimension : TextureDimension.values()) {
            if (!settings.dimensions().contains(dimension)) continue;
            LevelCountMatrix.Builder builder = builder(levels, dimension == TextureDimension.THREE_D, settings.distance());
            double[] values = LevelCountAggregation.features(dimension, levels.nz(), builder,
                    (zFrom, zTo, threeD, matrix) -> addDependences(levels, zFrom, zTo, threeD,
                            settings.distance(), settings.coarseness(), matrix));
            for (Feature f : Feature.values()) out.add(f, dimension, values[f.statistic.ordinal()]);
        }
        return out;
    }

    /**
     * Extension point (PyRadiomics-compatible mode, matrix checks): the dependence matrix of {@code levels} in 3D or
     * 2.5D (the slices' matrices merged) with Chebyshev distance {@code distance} and coarseness {@code coarseness};
     * 2D has one matrix per slice and is refused.
     */
    public static LevelCountMatrix matrix(GreyLevels levels, TextureDimension dimension, int distance, int coarseness) {
        Objects.requireNonNull(levels, "levels");
        LevelCountMatrix.Builder builder = builder(levels, dimension == TextureDimension.THREE_D, distance);
        switch (dimension) {
            case THREE_D -> addDependences(levels, 0, levels.nz(), true, distance, coarseness, builder);
            case TWO_AND_A_HALF_D -> {
                for (int z = 0; z < levels.nz(); z++) addDependences(levels, z, z + 1, false, distance, coarseness, builder);
            }
            default -> throw new IllegalArgumentException("a 2D NGLDM is one matrix per slice");
        }
        return builder.build();
    }

    /**
     * A matrix builder whose dense table holds every dependence count: at most {@code (2δ + 1)^3} in 3D,
     * {@code (2δ + 1)^2} in a slice (the centre and each neighbour).
     */
    private static LevelCountMatrix.Builder builder(GreyLevels levels, boolean threeD, int delta) {
        if (delta < 1) throw new IllegalArgumentException("NGLDM distance must be >= 1, was " + delta);
        final long side = 2L * delta + 1;
        final long maxDependence = threeD ? side * side * side : side * side;
        return new LevelCountMatrix.Builder(levels.levelCount(), (int) Math.min(maxDependence, Integer.MAX_VALUE));
    }

    /** Level of the voxels outside the ROI in the padded copy: farther than any coarseness from every level. */
    private static final int OUTSIDE = Integer.MIN_VALUE / 2;
    /** Voxels whose dependence counts are built together, sized so that the three work arrays stay in L1. */
    private static final int CHUNK = 512;

    /**
     * Adds one {@code (grey level, dependence count)} observation per ROI voxel of slices {@code zFrom}
     * to {@code zTo} (exclusive); in 2D ({@code threeD} false) the slab is one slice and neighbourhoods stay
     * in it.
     *
     * <p>The slab is copied once into a box padded by δ, with voxels outside the ROI set to {@link #OUTSIDE}, so a
     * neighbour depends on the centre exactly when {@code |X(k) − X(k + m)| ≤ α}, without a test for the ROI (for
     * α = 0, the common case, they stay 0: a neighbour equal to a ROI centre is in the ROI).
     * The padded box is then walked in chunks of consecutive voxels (the padding columns between rows included):
     * for each neighbour offset, one branch-free pass adds the comparison to the chunk's dependence counts, a loop
     * over flat arrays that C2 vectorises, with the chunk's counts in the L1 cache across the offsets. Counts of
     * voxels outside the ROI are computed but never read. Hand-written: no library counts neighbourhood dependences.
     */
    private static void addDependences(GreyLevels greyLevels, int zFrom, int zTo, boolean threeD,
                                       int delta, int alpha, LevelCountMatrix.Builder matrix) {
        if (delta < 1) throw new IllegalArgumentException("NGLDM distance must be >= 1, was " + delta);
        if (alpha < 0) throw new IllegalArgumentException("NGLDM coarseness must be >= 0, was " + alpha);
        final int nx = greyLevels.nx(), ny = greyLevels.ny(), depth = zTo - zFrom, ng = greyLevels.levelCount();
        final int[] levels = greyLevels.levels();
        final int padZ = threeD ? delta : 0;
        final int px = nx + 2 * delta, py = ny + 2 * delta, pz = depth + 2 * padZ, pxy = px * py;
        final int[] padded = new int[pxy * pz];
        for (int z = 0; z < depth; z++) {
            for (int y = 0; y < ny; y++) {
                System.arraycopy(levels, nx * (y + ny * (z + zFrom)), padded, delta + px * (y + delta + py * (z + padZ)), nx);
            }
        }
        // |d| − limit < 0 exactly when |d| ≤ α; α beyond N_g changes nothing, and keeps |d| − limit from overflowing.
        final int limit = Math.min(alpha, ng) + 1;
        final boolean equalOnly = alpha == 0;
        if (!equalOnly) {
            for (int i = 0; i < padded.length; i++) padded[i] |= ((padded[i] - 1) >> 31) & OUTSIDE; // levels >= 0: 0 becomes OUTSIDE
        }
        final int side = 2 * delta + 1;
        final int[] offsets = new int[side * side * (2 * padZ + 1) - 1];
        int count = 0;
        for (int oz = -padZ; oz <= padZ; oz++) {
            for (int oy = -delta; oy <= delta; oy++) {
                for (int ox = -delta; ox <= delta; ox++) {
                    if (ox != 0 || oy != 0 || oz != 0) offsets[count++] = ox + px * (oy + py * oz);
                }
            }
        }
        // The voxels from the first of the ROI box to its last, padding columns between rows included.
        final int start = delta + px * (delta + py * padZ);
        final int end = delta + nx + px * (delta + ny - 1 + py * (padZ + depth - 1));
        final int[] dependences = new int[CHUNK], centres = new int[CHUNK], neighbours = new int[CHUNK];
        long voxels = 0;
        for (int from = start; from < end; from += CHUNK) {
            final int n = Math.min(CHUNK, end - from);
            System.arraycopy(padded, from, centres, 0, n);
            int roiVoxels = 0;
            for (int i = 0; i < n; i++) roiVoxels += (-centres[i]) >>> 31; // 1 for a level > 0, else 0 (0 or OUTSIDE)
            if (roiVoxels == 0) continue; // sparse ROIs: skip chunks of outside voxels
            voxels += roiVoxels;
            Arrays.fill(dependences, 1); // the centre itself: |X − X| = 0 ≤ α
            for (int offset : offsets) {
                // Copied so that the loop reads and writes every array at the same index: C2 (JDK 17) does not
                // vectorise a loop that reads one array at two offsets that are not compile-time constants.
                System.arraycopy(padded, from + offset, neighbours, 0, n);
                if (equalOnly) {
                    // Levels are >= 0 and a ROI centre is > 0: (c ^ m) − 1 < 0 exactly when the neighbour is equal.
                    for (int i = 0; i < n; i++) dependences[i] += ((centres[i] ^ neighbours[i]) - 1) >>> 31;
                } else {
                    for (int i = 0; i < n; i++) dependences[i] += (Math.abs(centres[i] - neighbours[i]) - limit) >>> 31;
                }
            }
            matrix.addAll(centres, dependences, n); // skips levels below 1: outside the ROI or padding (0 or OUTSIDE)
        }
        matrix.addVoxels(voxels);
    }
}
