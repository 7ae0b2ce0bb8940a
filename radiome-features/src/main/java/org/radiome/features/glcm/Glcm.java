package org.radiome.features.glcm;

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
 * Grey level co-occurrence matrix features (IBSI 3.6, family LFYI): 25 features under each of the six
 * IBSI aggregation methods.
 *
 * <p>A co-occurrence matrix counts, for one direction vector {@code m} (IBSI's 13 unique 3D or 4 in-plane
 * directions, {@link Directions}), the pairs of ROI voxels {@code (k, k + δ·m)} with grey levels
 * {@code (i, j)}; δ is the Chebyshev distance of {@link GlcmSettings#distance()}. With
 * {@link GlcmSettings#symmetric()} the matrix is IBSI's {@code M_m = M_m+ + M_m+^T}. Only voxels inside
 * the ROI intensity mask (grey level &gt; 0) take part. The matrix is {@code N_g × N_g} with
 * {@code N_g = }{@link GreyLevels#levelCount()}, which also normalises the normalised inverse difference
 * features.
 *
 * <p>Aggregation (IBSI "Aggregating features" of the GLCM section), for each dimension in
 * {@link GlcmSettings#dimensions()}:
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
 * Slices are the z planes of the box. A matrix without any voxel pair (a slice without ROI voxels, or
 * too few for a direction) has no features and is left out of the averages. If no matrix of a requested
 * aggregation has a voxel pair, IBSI defines no value and {@link #compute} throws.
 *
 * <p>Output order: aggregations in the order above (only the requested dimensions), within each the 25
 * features in {@link Feature} order, as in the IBSI reference tables. Degenerate single-grey-level
 * matrices: see {@link GlcmFeatureCalculator}.
 *
 * <p>Stateless; {@link #compute} is a pure function of its inputs and safe to call from many threads.
 */
public final class Glcm {
    private Glcm() {}

    /** The GLCM features with their IBSI tags (without aggregation suffix) and identifiers, in reference-table order. */
    public enum Feature implements FeatureDefinition {
        /** Joint maximum, GYBY: {@code max p_ij}. */
        JOINT_MAX("cm_joint_max", "GYBY"),
        /** Joint average, 60VM: {@code Σ i p_ij}. */
        JOINT_AVG("cm_joint_avg", "60VM"),
        /** Joint variance, UR99: {@code Σ (i − μ)² p_ij}, μ the joint average. */
        JOINT_VAR("cm_joint_var", "UR99"),
        /** Joint entropy, TU9B: {@code −Σ p_ij log2 p_ij}. */
        JOINT_ENTR("cm_joint_entr", "TU9B"),
        /** Difference average, TF7R: {@code Σ k p_{i−j,k}}. */
        DIFF_AVG("cm_diff_avg", "TF7R"),
        /** Difference variance, D3YU: {@code Σ (k − μ)² p_{i−j,k}}, μ the difference average. */
        DIFF_VAR("cm_diff_var", "D3YU"),
        /** Difference entropy, NTRS: {@code −Σ p_{i−j,k} log2 p_{i−j,k}}. */
        DIFF_ENTR("cm_diff_entr", "NTRS"),
        /** Sum average, ZGXS: {@code Σ k p_{i+j,k}}. */
        SUM_AVG("cm_sum_avg", "ZGXS"),
        /** Sum variance, OEEB: {@code Σ (k − μ)² p_{i+j,k}}, μ the sum average. */
        SUM_VAR("cm_sum_var", "OEEB"),
        /** Sum entropy, P6QZ: {@code −Σ p_{i+j,k} log2 p_{i+j,k}}. */
        SUM_ENTR("cm_sum_entr", "P6QZ"),
        /** Angular second moment (energy), 8ZQL: {@code Σ p_ij²}. */
        ENERGY("cm_energy", "8ZQL"),
        /** Contrast, ACUI: {@code Σ (i − j)² p_ij}. */
        CONTRAST("cm_contrast", "ACUI"),
        /** Dissimilarity, 8S9J: {@code Σ |i − j| p_ij}. */
        DISSIMILARITY("cm_dissimilarity", "8S9J"),
        /** Inverse difference, IB1Z: {@code Σ p_{i−j,k} / (1 + k)}. */
        INV_DIFF("cm_inv_diff", "IB1Z"),
        /** Normalised inverse difference, NDRX: {@code Σ p_{i−j,k} / (1 + k / N_g)}. */
        INV_DIFF_NORM("cm_inv_diff_norm", "NDRX"),
        /** Inverse difference moment, WF0Z: {@code Σ p_{i−j,k} / (1 + k²)}. */
        INV_DIFF_MOM("cm_inv_diff_mom", "WF0Z"),
        /** Normalised inverse difference moment, 1QCO: {@code Σ p_{i−j,k} / (1 + (k / N_g)²)}. */
        INV_DIFF_MOM_NORM("cm_inv_diff_mom_norm", "1QCO"),
        /** Inverse variance, E8JP: {@code Σ_{k≥1} p_{i−j,k} / k²}; 0 when all pairs have equal levels. */
        INV_VAR("cm_inv_var", "E8JP"),
        /** Correlation, NI2N: {@code (Σ i j p_ij − μ_i. μ_.j) / (σ_i. σ_.j)}; 1 for a single grey level. */
        CORR("cm_corr", "NI2N"),
        /** Autocorrelation, QWB0: {@code Σ i j p_ij}. */
        AUTO_CORR("cm_auto_corr", "QWB0"),
        /** Cluster tendency, DG8W: {@code Σ (i + j − μ_i. − μ_.j)² p_ij}. */
        CLUST_TEND("cm_clust_tend", "DG8W"),
        /** Cluster shade, 7NFM: {@code Σ (i + j − μ_i. − μ_.j)³ p_ij}. */
        CLUST_SHADE("cm_clust_shade", "7NFM"),
        /** Cluster prominence, AE86: {@code Σ (i + j − μ_i. − μ_.j)⁴ p_ij}. */
        CLUST_PROM("cm_clust_prom", "AE86"),
        /** Information correlation 1, R8DG: {@code (HXY − HXY1) / HX}; 0 for a single grey level. */
        INFO_CORR1("cm_info_corr1", "R8DG"),
        /** Information correlation 2, JN9H: {@code √(1 − exp(−2 (HXY2 − HXY)))}. */
        INFO_CORR2("cm_info_corr2", "JN9H");

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
     * The GLCM features of {@code levels} under every aggregation of the requested dimensions.
     *
     * @throws IllegalArgumentException if a grey level lies outside 0…N_g, or if no voxel pair exists for
     *     a requested aggregation (the ROI is too small for it)
     */
    public static FeatureSet compute(GreyLevels levels, GlcmSettings settings) {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(settings, "settings");
        checkLevels(levels);
        Set<TextureDimension> dimensions = settings.dimensions();
        Map<TextureAggregation, double[]> values = new EnumMap<>(TextureAggregation.class);
        boolean want2D = dimensions.contains(TextureDimension.TWO_D);
        boolean want25D = dimensions.contains(TextureDimension.TWO_AND_A_HALF_D);
        if (want2D || want25D) computeSliceWise(levels, settings, want2D, want25D, values);
        if (dimensions.contains(TextureDimension.THREE_D)) computeVolume(levels, settings, values);

        FeatureSet out = new FeatureSet();
        for (TextureAggregation aggregation : TextureAggregation.values()) {
            double[] v = values.get(aggregation);
            if (v == null) continue;
            for (Feature f : Feature.values()) out.add(f, aggregation, v[f.ordinal()]);
        }
        return out;
    }

    /**
     * Extension point for modes that aggregate directions their own way (PyRadiomics-compatible mode): the
     * co-occurrence matrix of {@code levels} for one offset {@code (dx, dy, dz)} (a direction times the distance),
     * counted over the whole box, as {@code ng × ng} row-major counts, {@code (i − 1) * ng + (j − 1)} for a voxel of
     * level {@code i} whose neighbour at the offset has level {@code j}. With {@code symmetric} each pair is also
     * counted as {@code (j, i)}, IBSI's {@code M + M^T}.
     */
    public static double[] cooccurrenceMatrix(GreyLevels levels, int dx, int dy, int dz, boolean symmetric) {
        Objects.requireNonNull(levels, "levels");
        checkLevels(levels);
        final int ng = levels.levelCount();
        double[] counts = new double[ng * ng];
        CooccurrenceCounter.count(levels.levels(), levels.nx(), levels.ny(), levels.nz(), ng, dx, dy, dz, 0, levels.nz(),
                symmetric, counts);
        return counts;
    }

    /**
     * {@link #cooccurrenceMatrix} for each of {@code offsets} ({@code {dx, dy, dz}} each), validating the levels once
     * and counting over the ROI voxels only.
     */
    public static double[][] cooccurrenceMatrices(GreyLevels levels, int[][] offsets, boolean symmetric) {
        Objects.requireNonNull(levels, "levels");
        checkLevels(levels);
        return CooccurrenceCounter.countAll(levels.levels(), levels.nx(), levels.ny(), levels.nz(), levels.levelCount(),
                offsets, symmetric);
    }

    /**
     * Extension point: the 25 {@link Feature}s (indexed by ordinal) of one {@code ng × ng} co-occurrence matrix of
     * non-negative (possibly weighted) counts, with {@code ng} as N_g of the normalised inverse differences; null if
     * the matrix is empty. Degenerate single-level matrices as in {@link GlcmFeatureCalculator}.
     */
    public static double[] featuresOf(double[] counts, int ng) {
        if (counts.length != ng * ng) throw new IllegalArgumentException("matrix of " + counts.length + " values is not " + ng + "×" + ng);
        double[] values = new double[GlcmFeatureCalculator.featureCount()];
        return new GlcmFeatureCalculator(ng).compute(counts, values) ? values : null;
    }

    /** 2D (per slice) and 2.5D (slice-merged) aggregations over the in-plane directions. */
    private static void computeSliceWise(GreyLevels g, GlcmSettings settings, boolean want2D, boolean want25D,
                                         Map<TextureAggregation, double[]> out) {
        final int ng = g.levelCount(), nx = g.nx(), ny = g.ny(), nz = g.nz(), delta = settings.distance();
        final int[] lv = g.levels();
        final int[][] directions = Directions.twoD();
        final int nf = GlcmFeatureCalculator.featureCount();
        final GlcmFeatureCalculator calculator = new GlcmFeatureCalculator(ng);
        final double[] values = new double[nf];
        final double[] matrix = new double[ng * ng];

        if (want2D) {
            final double[] sliceMerged = new double[ng * ng];
            final FeatureMean perMatrix = new FeatureMean(nf);
            final FeatureMean perSlice = new FeatureMean(nf);
            final int sliceSize = nx * ny;
            for (int z = 0; z < nz; z++) {
                if (!hasRoiVoxel(lv, z * sliceSize, (z + 1) * sliceSize)) continue; // no matrices for this slice
                Arrays.fill(sliceMerged, 0.0);
                for (int[] d : directions) {
                    Arrays.fill(matrix, 0.0);
                    CooccurrenceCounter.count(lv, nx, ny, nz, ng, d[0] * delta, d[1] * delta, 0, z, z + 1,
                            settings.symmetric(), matrix);
                    if (calculator.compute(matrix, values)) perMatrix.add(values);
                    addTo(sliceMerged, matrix);
                }
                if (calculator.compute(sliceMerged, values)) perSlice.add(values);
            }
            out.put(TextureAggregation.AVERAGED_2D, means(perMatrix, TextureAggregation.AVERAGED_2D, delta));
            out.put(TextureAggregation.MERGED_2D, means(perSlice, TextureAggregation.MERGED_2D, delta));
        }
        if (want25D) {
            final double[] merged = new double[ng * ng];
            final FeatureMean perDirection = new FeatureMean(nf);
            // In-plane offsets: counting over all slices at once sums the per-slice matrices.
            for (double[] m : CooccurrenceCounter.countAll(lv, nx, ny, nz, ng, offsets(directions, delta), settings.symmetric())) {
                if (calculator.compute(m, values)) perDirection.add(values);
                addTo(merged, m);
            }
            out.put(TextureAggregation.AVERAGED_2_5D, means(perDirection, TextureAggregation.AVERAGED_2_5D, delta));
            out.put(TextureAggregation.MERGED_2_5D, merged(calculator, merged, TextureAggregation.MERGED_2_5D, delta));
        }
    }

    /** 3D aggregations over the 13 directions. */
    private static void computeVolume(GreyLevels g, GlcmSettings settings, Map<TextureAggregation, double[]> out) {
        final int ng = g.levelCount(), nx = g.nx(), ny = g.ny(), nz = g.nz(), delta = settings.distance();
        final int[] lv = g.levels();
        final int nf = GlcmFeatureCalculator.featureCount();
        final GlcmFeatureCalculator calculator = new GlcmFeatureCalculator(ng);
        final double[] values = new double[nf];
        final double[] merged = new double[ng * ng];
        final FeatureMean perDirection = new FeatureMean(nf);
        for (double[] m : CooccurrenceCounter.countAll(lv, nx, ny, nz, ng, offsets(Directions.threeD(), delta), settings.symmetric())) {
            if (calculator.compute(m, values)) perDirection.add(values);
            addTo(merged, m);
        }
        out.put(TextureAggregation.AVERAGED_3D, means(perDirection, TextureAggregation.AVERAGED_3D, delta));
        out.put(TextureAggregation.MERGED_3D, merged(calculator, merged, TextureAggregation.MERGED_3D, delta));
    }

    /** The directions times the distance δ. */
    private static int[][] offsets(int[][] directions, int delta) {
        int[][] out = new int[directions.length][];
        for (int d = 0; d < directions.length; d++) {
            out[d] = new int[] {directions[d][0] * delta, directions[d][1] * delta, directions[d][2] * delta};
        }
        return out;
    }

        private static double[] means(FeatureMean mean, TextureAggregation aggregation, int delta) {
        if (mean.isEmpty()) throw noPairs(aggregation, delta);
        double[] v = new double[GlcmFeatureCalculator.featureCount()];
        for (int f = 0; f < v.length; f++) v[f] = mean.mean(f);
        return v;
    }

    private static double[] merged(GlcmFeatureCalculator calculator, double[] matrix, TextureAggregation aggregation,
                                   int delta) {
        double[] v = new double[GlcmFeatureCalculator.featureCount()];
        if (!calculator.compute(matrix, v)) throw noPairs(aggregation, delta);
        return v;
    }

    private static IllegalArgumentException noPairs(TextureAggregation aggregation, int delta) {
        return new IllegalArgumentException("GLCM (" + aggregation.dimension().label()
                + "): the ROI has no pair of voxels at distance " + delta
                + " along any direction, so IBSI defines no co-occurrence features");
    }

    private static boolean hasRoiVoxel(int[] levels, int from, int to) {
        for (int i = from; i < to; i++) if (levels[i] > 0) return true;
        return false;
    }

    private static void addTo(double[] target, double[] matrix) {
        for (int k = 0; k < target.length; k++) target[k] += matrix[k];
    }

    private static void checkLevels(GreyLevels g) {
        final int ng = g.levelCount();
        for (int level : g.levels()) {
            if (level < 0 || level > ng) {
                throw new IllegalArgumentException("grey level " + level + " outside 0…" + ng);
            }
        }
    }
}
