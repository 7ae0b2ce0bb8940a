package org.radiome.features.glrlm;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.radiome.features.FeatureDefinition;
import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.Directions;
import org.radiome.features.texture.FeatureMean;
import org.radiome.features.texture.TextureAggregation;
import org.radiome.features.texture.TextureDimension;

/**
 * Grey level run length matrix features (IBSI 3.7, family TP0I): 16 features under each of the six IBSI
 * aggregation methods.
 *
 * <p>A run length matrix counts, for one direction vector {@code m} (IBSI's 13 unique 3D or 4 in-plane
 * directions, {@link Directions}), the runs of grey level {@code i} and length {@code j}: maximal
 * sequences of consecutive ROI voxels along {@code m} with the same grey level. A run ends at a voxel
 * outside the ROI intensity mask (grey level 0), at another grey level or at the edge of the box (of the
 * slice, in 2D and 2.5D). The matrix has {@code N_g = }{@link GreyLevels#levelCount()} rows and
 * {@code max(nx, ny, nz)} run length columns. {@code N_v} is the number of ROI voxels the matrix was
 * built from; when matrices are merged their {@code N_v} are summed (IBSI), which keeps run percentage
 * comparable.
 *
 * <p>Aggregation (IBSI "Aggregating features" of the GLRLM section), for each dimension in
 * {@link GlrlmSettings#dimensions()}:
 * <ul>
 *   <li>2D, averaged (BTW3): features of every slice and in-plane direction matrix, averaged over all
 *       of them;</li>
 *   <li>2D, slice-merged (SUJT): the four direction matrices of a slice summed, features averaged over
 *       slices;</li>
 *   <li>2.5D, direction-merged (JJUI): each direction's matrices summed over slices, features averaged
 *       over the four directions;</li>
 *   <li>2.5D, merged (ZW7Z): all slice and direction matrices summed;</li>
 *   <li>3D, averaged (ITBB): features of the 13 direction matrices over the volume, averaged;</li>
 *   <li>3D, merged (IAZD): the 13 direction matrices summed.</li>
 * </ul>
 * Slices are the z planes of the box; a slice without ROI voxels has no runs and is left out of the
 * averages. Every ROI voxel lies in exactly one run per direction, so every other matrix has runs.
 *
 * <p>Output order: aggregations in the order above (only the requested dimensions), within each the 16
 * features in {@link Feature} order, as in the IBSI reference tables.
 *
 * <p>Stateless; {@link #compute} is a pure function of its inputs and safe to call from many threads.
 */
public final class Glrlm {
    private Glrlm() {}

    /** The GLRLM features with their IBSI tags (without aggregation suffix) and identifiers, in reference-table order. */
    public enum Feature implements FeatureDefinition {
        /** Short runs emphasis, 22OV: {@code Σ_j r_.j / j² / N_s}. */
        SRE("rlm_sre", "22OV"),
        /** Long runs emphasis, W4KF: {@code Σ_j j² r_.j / N_s}. */
        LRE("rlm_lre", "W4KF"),
        /** Low grey level run emphasis, V3SW: {@code Σ_i r_i. / i² / N_s}. */
        LGRE("rlm_lgre", "V3SW"),
        /** High grey level run emphasis, G3QZ: {@code Σ_i i² r_i. / N_s}. */
        HGRE("rlm_hgre", "G3QZ"),
        /** Short run low grey level emphasis, HTZT: {@code Σ r_ij / (i² j²) / N_s}. */
        SRLGE("rlm_srlge", "HTZT"),
        /** Short run high grey level emphasis, GD3A: {@code Σ i² r_ij / j² / N_s}. */
        SRHGE("rlm_srhge", "GD3A"),
        /** Long run low grey level emphasis, IVPO: {@code Σ j² r_ij / i² / N_s}. */
        LRLGE("rlm_lrlge", "IVPO"),
        /** Long run high grey level emphasis, 3KUM: {@code Σ i² j² r_ij / N_s}. */
        LRHGE("rlm_lrhge", "3KUM"),
        /** Grey level non-uniformity, R5YN: {@code Σ_i r_i.² / N_s}. */
        GLNU("rlm_glnu", "R5YN"),
        /** Normalised grey level non-uniformity, OVBL: {@code Σ_i r_i.² / N_s²}. */
        GLNU_NORM("rlm_glnu_norm", "OVBL"),
        /** Run length non-uniformity, W92Y: {@code Σ_j r_.j² / N_s}. */
        RLNU("rlm_rlnu", "W92Y"),
        /** Normalised run length non-uniformity, IC23: {@code Σ_j r_.j² / N_s²}. */
        RLNU_NORM("rlm_rlnu_norm", "IC23"),
        /** Run percentage, 9ZK5: {@code N_s / N_v}. */
        R_PERC("rlm_r_perc", "9ZK5"),
        /** Grey level variance, 8CE5: {@code Σ (i − μ)² p_ij}, μ = {@code Σ i p_ij}. */
        GL_VAR("rlm_gl_var", "8CE5"),
        /** Run length variance, SXLW: {@code Σ (j − μ)² p_ij}, μ = {@code Σ j p_ij}. */
        RL_VAR("rlm_rl_var", "SXLW"),
        /** Run entropy, HJ9O: {@code −Σ p_ij log2 p_ij}. */
        RL_ENTR("rlm_rl_entr", "HJ9O");

        private final String tag;
        private final String ibsiCode;

        Feature(String tag, String ibsiCode) {
            this.tag = tag;
            this.ibsiCode = ibsiCode;
        }

        @Override
        public String tag() { return tag; }

        @Override
        public String ibsiCode() { return ibsiCode; }
    }

    /**
     * The GLRLM features of {@code levels} under every aggregation of the requested dimensions.
     *
     * @throws IllegalArgumentException if a grey level lies outside 0…N_g or the ROI is empty
     */
    public static FeatureSet compute(GreyLevels levels, GlrlmSettings settings) {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(settings, "settings");
        final int roiVoxels = countRoiVoxels(levels);
        Set<TextureDimension> dimensions = settings.dimensions();
        Map<TextureAggregation, double[]> values = new EnumMap<>(TextureAggregation.class);
        if (!dimensions.isEmpty() && roiVoxels == 0) {
            throw new IllegalArgumentException("GLRLM: the ROI is empty, so IBSI defines no run length features");
        }
        if (dimensions.contains(TextureDimension.TWO_D)) computeTwoD(levels, values);
        if (dimensions.contains(TextureDimension.TWO_AND_A_HALF_D)) computeTwoAndAHalfD(levels, roiVoxels, values);
        if (dimensions.contains(TextureDimension.THREE_D)) computeThreeD(levels, roiVoxels, values);

        FeatureSet out = new FeatureSet();
        for (TextureAggregation aggregation : TextureAggregation.values()) {
            double[] v = values.get(aggregation);
            if (v == null) continue;
            for (Feature f : Feature.values()) out.add(f, aggregation, v[f.ordinal()]);
        }
        return out;
    }

    /**
     * Extension point for modes that aggregate directions their own way (PyRadiomics-compatible mode): the run
     * length matrix of {@code levels} along direction {@code (dx, dy, dz)} over the whole box, as
     * {@code ng × }{@link #maxRunLength} row-major counts, {@code (i − 1) * maxRun + (j − 1)} for runs of level
     * {@code i} and length {@code j}.
     */
    public static double[] runLengthMatrix(GreyLevels levels, int dx, int dy, int dz) {
        Objects.requireNonNull(levels, "levels");
        countRoiVoxels(levels); // validates the levels
        final int ng = levels.levelCount(), maxRun = maxRun(levels);
        double[] counts = new double[ng * maxRun];
        new RunLengthCounter(levels.levels(), levels.nx(), levels.ny(), levels.nz(), ng, maxRun)
                .count(dx, dy, dz, 0, levels.nz(), counts);
        return counts;
    }

    /**
     * {@link #runLengthMatrix} for each of {@code directions} ({@code {dx, dy, dz}} each), validating the levels
     * once rather than per direction.
     */
    public static double[][] runLengthMatrices(GreyLevels levels, int[][] directions) {
        Objects.requireNonNull(levels, "levels");
        countRoiVoxels(levels); // validates the levels
        final int ng = levels.levelCount(), maxRun = maxRun(levels);
        double[][] out = new double[directions.length][];
        final RunLengthCounter counter = new RunLengthCounter(levels.levels(), levels.nx(), levels.ny(), levels.nz(), ng, maxRun);
        for (int d = 0; d < directions.length; d++) {
            int[] m = directions[d];
            out[d] = new double[ng * maxRun];
            counter.count(m[0], m[1], m[2], 0, levels.nz(), out[d]);
        }
        return out;
    }

    /** The number of run length columns of {@link #runLengthMatrix}: the longest line through the box. */
    public static int maxRunLength(GreyLevels levels) { return maxRun(levels); }

    /**
     * Extension point: the 16 {@link Feature}s (indexed by ordinal) of one run length matrix of non-negative
     * (possibly weighted) counts built from {@code voxels} ROI voxels (N_v, summed over merged matrices); null if
     * the matrix holds no run.
     */
    public static double[] featuresOf(double[] counts, int ng, int maxRun, double voxels) {
        if (counts.length != ng * maxRun) throw new IllegalArgumentException("matrix of " + counts.length + " values is not " + ng + "×" + maxRun);
        double[] values = new double[GlrlmFeatureCalculator.featureCount()];
        return new GlrlmFeatureCalculator(ng, maxRun).compute(counts, voxels, values) ? values : null;
    }

    /** 2D: per slice and in-plane direction (averaged), and per slice with directions merged. */
    private static void computeTwoD(GreyLevels g, Map<TextureAggregation, double[]> out) {
        final int ng = g.levelCount(), nx = g.nx(), ny = g.ny(), nz = g.nz(), maxRun = maxRun(g);
        final int[] lv = g.levels();
        final int[][] directions = Directions.twoD();
        final int nf = GlrlmFeatureCalculator.featureCount();
        final GlrlmFeatureCalculator calculator = new GlrlmFeatureCalculator(ng, maxRun);
        final double[] values = new double[nf];
        final double[] matrix = new double[ng * maxRun];
        final double[] sliceMerged = new double[ng * maxRun];
        final FeatureMean perMatrix = new FeatureMean(nf);
        final FeatureMean perSlice = new FeatureMean(nf);
        final int sliceSize = nx * ny;
        final RunLengthCounter counter = new RunLengthCounter(lv, nx, ny, nz, ng, maxRun);
        for (int z = 0; z < nz; z++) {
            final int sliceVoxels = countRoiVoxels(lv, z * sliceSize, (z + 1) * sliceSize);
            if (sliceVoxels == 0) continue; // no ROI voxels: no runs, no matrix
            Arrays.fill(sliceMerged, 0.0);
            for (int[] d : directions) {
                Arrays.fill(matrix, 0.0);
                counter.count(d[0], d[1], 0, z, z + 1, matrix);
                if (calculator.compute(matrix, sliceVoxels, values)) perMatrix.add(values);
                addTo(sliceMerged, matrix);
            }
            if (calculator.compute(sliceMerged, (double) directions.length * sliceVoxels, values)) perSlice.add(values);
        }
        out.put(TextureAggregation.AVERAGED_2D, means(perMatrix));
        out.put(TextureAggregation.MERGED_2D, means(perSlice));
    }

    /** 2.5D: per in-plane direction merged over slices (averaged over directions), and all merged. */
    private static void computeTwoAndAHalfD(GreyLevels g, int roiVoxels, Map<TextureAggregation, double[]> out) {
        final int[][] directions = Directions.twoD();
        // Runs along in-plane directions never leave their slice, so one count over all slices is the
        // sum of the per-slice matrices.
        mergedDirections(g, directions, roiVoxels, TextureAggregation.AVERAGED_2_5D, TextureAggregation.MERGED_2_5D, out);
    }

    /** 3D: per direction over the volume (averaged), and all 13 merged. */
    private static void computeThreeD(GreyLevels g, int roiVoxels, Map<TextureAggregation, double[]> out) {
        mergedDirections(g, Directions.threeD(), roiVoxels, TextureAggregation.AVERAGED_3D, TextureAggregation.MERGED_3D, out);
    }

    private static void mergedDirections(GreyLevels g, int[][] directions, int roiVoxels, TextureAggregation averaged,
                                         TextureAggregation merged, Map<TextureAggregation, double[]> out) {
        final int ng = g.levelCount(), nx = g.nx(), ny = g.ny(), nz = g.nz(), maxRun = maxRun(g);
        final int[] lv = g.levels();
        final int nf = GlrlmFeatureCalculator.featureCount();
        final GlrlmFeatureCalculator calculator = new GlrlmFeatureCalculator(ng, maxRun);
        final double[] values = new double[nf];
        final double[] matrix = new double[ng * maxRun];
        final double[] all = new double[ng * maxRun];
        final FeatureMean perDirection = new FeatureMean(nf);
        final RunLengthCounter counter = new RunLengthCounter(lv, nx, ny, nz, ng, maxRun);
        for (int[] d : directions) {
            Arrays.fill(matrix, 0.0);
            counter.count(d[0], d[1], d[2], 0, nz, matrix);
            if (calculator.compute(matrix, roiVoxels, values)) perDirection.add(values);
            addTo(all, matrix);
        }
        out.put(averaged, means(perDirection));
        double[] v = new double[nf];
        if (!calculator.compute(all, (double) directions.length * roiVoxels, v)) {
            throw new IllegalStateException("GLRLM: a non-empty ROI produced no runs");
        }
        out.put(merged, v);
    }

    private static double[] means(FeatureMean mean) {
        if (mean.isEmpty()) throw new IllegalStateException("GLRLM: a non-empty ROI produced no runs");
        double[] v = new double[GlrlmFeatureCalculator.featureCount()];
        for (int f = 0; f < v.length; f++) v[f] = mean.mean(f);
        return v;
    }

    /** The longest run any direction can hold in the box. */
    private static int maxRun(GreyLevels g) { return Math.max(g.nx(), Math.max(g.ny(), g.nz())); }

    private static void addTo(double[] target, double[] matrix) {
        for (int k = 0; k < target.length; k++) target[k] += matrix[k];
    }

    /** N_v of the whole ROI, checking every level against N_g. */
    private static int countRoiVoxels(GreyLevels g) {
        final int ng = g.levelCount();
        int n = 0;
        for (int level : g.levels()) {
            if (level < 0 || level > ng) throw new IllegalArgumentException("grey level " + level + " outside 0…" + ng);
            if (level > 0) n++;
        }
        return n;
    }

    private static int countRoiVoxels(int[] levels, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (levels[i] > 0) n++;
        return n;
    }
}
