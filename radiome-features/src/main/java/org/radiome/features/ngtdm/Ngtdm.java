package org.radiome.features.ngtdm;

import java.util.Arrays;
import java.util.Objects;

import org.radiome.features.FeatureDefinition;
import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.features.texture.TextureDimension;

/**
 * Neighbourhood grey tone difference matrix features (IBSI IPET, section "Neighbourhood grey tone
 * difference based features").
 *
 * <p>For every voxel {@code k} of the intensity mask, {@code W_k} is the number of its neighbours within
 * Chebyshev distance δ ({@code m ≠ 0}) that lie in the ROI, and {@code X̄_k} their mean grey level; in 2D
 * the neighbourhood lies within the axial slice. A voxel with {@code W_k = 0} has no valid neighbourhood
 * and is left out. For grey level {@code i}, {@code n_i} counts the voxels with a valid neighbourhood and
 * {@code s_i = Σ |i − X̄_k|} over them; {@code N_v,c = Σ n_i}, {@code p_i = n_i / N_v,c}, and
 * {@code N_g,p} is the number of grey levels with {@code p_i > 0}.
 *
 * <p>Aggregation: 3D (KOBO) uses one volume matrix; 2.5D (62GR) sums {@code n_i} and {@code s_i} over
 * the slices; 2D (8QNN) averages the features over the slices whose matrix is not empty (a slice whose
 * voxels all lack in-plane ROI neighbours has no NGTDM to compute features from, and is skipped).
 *
 * <p>Degenerate cases, as IBSI defines them: coarseness is 10⁶ when {@code Σ p_i s_i = 0}; contrast and
 * busyness are 0 when {@code N_g,p ≤ 1}; strength is 0 when {@code Σ s_i = 0}. A ROI in which no voxel
 * has a valid neighbourhood thus gets coarseness 10⁶ and 0 for the other features (complexity is then an
 * empty sum). IBSI defines no busyness when its denominator is 0 with {@code N_g,p > 1} (every present
 * level has the same {@code i p_i}, e.g. levels 1 and 2 with {@code p = 2/3, 1/3}); busyness is then NaN,
 * deliberately.
 *
 * <p>Stateless and thread-safe.
 */
public final class Ngtdm {
    private Ngtdm() {}

    /** IBSI's cap on coarseness when {@code Σ p_i s_i = 0}. */
    public static final double MAX_COARSENESS = 1e6;

    /** NGTDM features in the order of the IBSI reference tables. */
    public enum Feature implements FeatureDefinition {
        /** Coarseness, {@code 1 / Σ p_i s_i}, capped at 10⁶. */
        COARSENESS("ngt_coarseness", "QCDE"),
        /** Contrast, {@code [Σ_i1 Σ_i2 p_i1 p_i2 (i1 − i2)² / (N_g,p (N_g,p − 1))] · [Σ s_i / N_v,c]}. */
        CONTRAST("ngt_contrast", "65HE"),
        /** Busyness, {@code Σ p_i s_i / Σ_i1 Σ_i2 |i1 p_i1 − i2 p_i2|} over levels with {@code p > 0}. */
        BUSYNESS("ngt_busyness", "NQ30"),
        /** Complexity, {@code (1/N_v,c) Σ_i1 Σ_i2 |i1 − i2| (p_i1 s_i1 + p_i2 s_i2) / (p_i1 + p_i2)} over levels with {@code p > 0}. */
        COMPLEXITY("ngt_complexity", "HDEZ"),
        /** Strength, {@code Σ_i1 Σ_i2 (p_i1 + p_i2)(i1 − i2)² / Σ s_i} over levels with {@code p > 0}. */
        STRENGTH("ngt_strength", "1X9X");

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
     * The NGTDM features for each dimension in {@code settings}, in the order 2D, 2.5D, 3D, each in
     * {@link Feature} order. Uses {@link GreyLevels#levelCount()} as N_g and Chebyshev distance
     * {@code settings.distance()} as δ.
     */
    public static FeatureSet compute(GreyLevels levels, NgtdmSettings settings) {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(settings, "settings");
        FeatureSet out = new FeatureSet();
        for (TextureDimension dimension : TextureDimension.values()) {
            if (!settings.dimensions().contains(dimension)) continue;
            double[] values = features(levels, dimension, settings.distance(), Deviations.NONE);
            for (Feature f : Feature.values()) out.add(f, dimension, values[f.ordinal()]);
        }
        return out;
    }

    /**
     * Departures from IBSI's NGTDM that only the PyRadiomics-compatible mode switches on; IBSI mode always uses
     * {@link #NONE}. Each is a documented PyRadiomics behaviour ({@code radiomics/ngtdm.py} and the C matrix code):
     *
     * @param keepVoxelsWithoutNeighbours count a voxel without any ROI neighbour in {@code n_i}, with
     *        {@code s_i} contribution 0 (IBSI leaves such voxels out)
     * @param uncappedCoarseness coarseness is {@code 1 / Σ p_i s_i} however large, and 10⁶ only when the sum is 0
     *        (IBSI caps it at 10⁶)
     * @param zeroBusynessWhenUndefined busyness is 0 whenever its denominator is 0 (IBSI: undefined, NaN, when
     *        {@code N_g,p > 1})
     */
    public record Deviations(boolean keepVoxelsWithoutNeighbours, boolean uncappedCoarseness, boolean zeroBusynessWhenUndefined) {
        /** IBSI's definitions. */
        public static final Deviations NONE = new Deviations(false, false, false);
        /** PyRadiomics's behaviour. */
        public static final Deviations PYRADIOMICS = new Deviations(true, true, true);
    }

    /**
     * The five {@link Feature}s (indexed by ordinal) of {@code levels} in one dimension, with Chebyshev distance
     * {@code delta} and the given {@link Deviations}; see {@link #compute} for the aggregation.
     */
    public static double[] features(GreyLevels levels, TextureDimension dimension, int delta, Deviations deviations) {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(deviations, "deviations");
        if (delta < 1) throw new IllegalArgumentException("ngtdm distance must be >= 1, was " + delta);
        int ng = levels.levelCount();
        boolean keep = deviations.keepVoxelsWithoutNeighbours();
        switch (dimension) {
            case TWO_D -> {
                double[] values = new double[Feature.values().length];
                int slices = 0;
                double[] n = new double[ng + 1];
                double[] s = new double[ng + 1];
                for (int z = 0; z < levels.nz(); z++) {
                    Arrays.fill(n, 0);
                    Arrays.fill(s, 0);
                    if (accumulate(levels, z, z + 1, false, delta, keep, n, s) == 0) continue;
                    double[] f = features(n, s, deviations);
                    for (int k = 0; k < values.length; k++) values[k] += f[k];
                    slices++;
                }
                if (slices == 0) return features(n, s, deviations); // no slice has a valid neighbourhood: the degenerate values
                for (int k = 0; k < values.length; k++) values[k] /= slices;
                return values;
            }
            case TWO_AND_A_HALF_D -> {
                double[] n = new double[ng + 1];
                double[] s = new double[ng + 1];
                for (int z = 0; z < levels.nz(); z++) accumulate(levels, z, z + 1, false, delta, keep, n, s);
                return features(n, s, deviations);
            }
            case THREE_D -> {
                double[] n = new double[ng + 1];
                double[] s = new double[ng + 1];
                accumulate(levels, 0, levels.nz(), true, delta, keep, n, s);
                return features(n, s, deviations);
            }
            default -> throw new AssertionError(dimension);
        }
    }

    /**
     * Extension point (PyRadiomics-compatible mode, matrix checks): the NGTDM of {@code levels} in 3D or 2.5D as
     * {@code {n, s}}, each indexed by grey level (index 0 unused); 2D has one matrix per slice and is refused.
     */
    public static double[][] matrix(GreyLevels levels, TextureDimension dimension, int delta, Deviations deviations) {
        Objects.requireNonNull(levels, "levels");
        int ng = levels.levelCount();
        double[] n = new double[ng + 1];
        double[] s = new double[ng + 1];
        switch (dimension) {
            case THREE_D -> accumulate(levels, 0, levels.nz(), true, delta, deviations.keepVoxelsWithoutNeighbours(), n, s);
            case TWO_AND_A_HALF_D -> {
                for (int z = 0; z < levels.nz(); z++) accumulate(levels, z, z + 1, false, delta, deviations.keepVoxelsWithoutNeighbours(), n, s);
            }
            default -> throw new IllegalArgumentException("a 2D NGTDM is one matrix per slice");
        }
        return new double[][] {n, s};
    }

    /**
     * Adds the voxels of slices {@code zFrom} to {@code zTo} (exclusive) that have a valid neighbourhood
     * to {@code n} and {@code s} (indexed by grey level); in 2D the slab is one slice and neighbourhoods
     * stay in it. With {@code keepVoxelsWithoutNeighbours} (PyRadiomics) a voxel without ROI neighbour is counted
     * in {@code n} with no contribution to {@code s}.
     *
     * @return the number of voxels added
     */
    static long accumulate(GreyLevels greyLevels, int zFrom, int zTo, boolean threeD, int delta,
                           boolean keepVoxelsWithoutNeighbours, double[] n, double[] s) {
        final int nx = greyLevels.nx(), ny = greyLevels.ny(), depth = zTo - zFrom;
        final int[] levels = greyLevels.levels();
        final int base = nx * ny * zFrom, size = nx * ny * depth;
        // Neighbourhood sums of the levels and of the ROI indicator over the (clipped) Chebyshev box around each
        // voxel, centre included: the box is separable, so three passes of 2δ + 1 shifted adds replace the
        // (2δ + 1)³ neighbourhood loop per voxel. Integer sums, so the result is exact.
        int[] sum = new int[size], count = new int[size], sumTmp = new int[size], countTmp = new int[size];
        boxSumAlongX(levels, base, nx, ny * depth, delta, sum, count);
        // the box sums along y (lines nx apart within a slice), then along z (lines nx·ny apart)
        boxSum(sum, count, sumTmp, countTmp, nx, ny, depth, nx * ny, delta);
        if (threeD) {
            boxSum(sumTmp, countTmp, sum, count, nx * ny, depth, 1, size, delta);
        } else {
            sum = sumTmp;
            count = countTmp;
        }
        long added = 0;
        for (int k = 0; k < size; k++) {
            final int level = levels[base + k];
            if (level == 0) continue;
            // the sums included the centre voxel itself
            final long neighbourSum = sum[k] - level;
            final int neighbours = count[k] - 1;
            if (neighbours == 0) {
                if (keepVoxelsWithoutNeighbours) n[level] += 1; // PyRadiomics: counted, difference 0
                continue;
            }
            n[level] += 1;
            s[level] += Math.abs(level - (double) neighbourSum / neighbours);
            added++;
        }
        return added;
    }

    /** The first pass of the separable box sum, along x, of the levels and the ROI indicator of {@code rows} rows from {@code base}. */
    private static void boxSumAlongX(int[] levels, int base, int nx, int rows, int delta, int[] sum, int[] count) {
        for (int r = 0; r < rows; r++) {
            final int row = r * nx;
            for (int x = 0; x < nx; x++) {
                final int level = levels[base + row + x];
                sum[row + x] = level;
                count[row + x] = level != 0 ? 1 : 0;
            }
            for (int d = 1; d <= delta && d < nx; d++) {
                for (int x = 0; x < nx - d; x++) {
                    final int level = levels[base + row + x + d];
                    sum[row + x] += level;
                    count[row + x] += level != 0 ? 1 : 0;
                }
                for (int x = d; x < nx; x++) {
                    final int level = levels[base + row + x - d];
                    sum[row + x] += level;
                    count[row + x] += level != 0 ? 1 : 0;
                }
            }
        }
    }

    /**
     * One pass of the separable box sum: {@code out[k] = Σ in[k + t·stride]} over {@code |t| ≤ δ} with
     * {@code k + t·stride} on the same line, for both arrays. The data are {@code outer} blocks of
     * {@code blockSize} values; within a block, lines of {@code length} values {@code stride} apart run along the
     * summed axis.
     */
    private static void boxSum(int[] sumIn, int[] countIn, int[] sumOut, int[] countOut, int stride, int length,
                               int outer, int blockSize, int delta) {
        // Within a block, the values at stride * t for t = 0…length − 1 form the summed axis; each is a contiguous
        // run of `stride` values (the faster axes), which keeps the inner loop contiguous.
        for (int b = 0; b < outer; b++) {
            final int block = b * blockSize;
            for (int t = 0; t < length; t++) {
                final int out = block + t * stride;
                final int from = Math.max(0, t - delta), to = Math.min(length - 1, t + delta);
                System.arraycopy(sumIn, block + from * stride, sumOut, out, stride);
                System.arraycopy(countIn, block + from * stride, countOut, out, stride);
                for (int u = from + 1; u <= to; u++) {
                    final int in = block + u * stride;
                    for (int v = 0; v < stride; v++) {
                        sumOut[out + v] += sumIn[in + v];
                        countOut[out + v] += countIn[in + v];
                    }
                }
            }
        }
    }

    /** The features of one NGTDM ({@code n_i}, {@code s_i} indexed by grey level, index 0 unused). */
    static double[] features(double[] n, double[] s, Deviations deviations) {
        int ng = n.length - 1;
        double nvc = 0, sumS = 0;
        int present = 0;
        for (int i = 1; i <= ng; i++) {
            nvc += n[i];
            sumS += s[i];
            if (n[i] > 0) present++;
        }
        double[] f = new double[Feature.values().length];
        double sumPs = 0;
        if (nvc > 0) {
            for (int i = 1; i <= ng; i++) sumPs += n[i] / nvc * s[i];
        }
        f[Feature.COARSENESS.ordinal()] = sumPs == 0 ? MAX_COARSENESS
                : deviations.uncappedCoarseness() ? 1.0 / sumPs : Math.min(1.0 / sumPs, MAX_COARSENESS);
        if (present == 0) return f; // contrast, busyness, complexity, strength: 0 (see class javadoc)

        double contrastSum = 0, busynessDenominator = 0, complexity = 0, strengthSum = 0;
        for (int i1 = 1; i1 <= ng; i1++) {
            if (n[i1] == 0) continue;
            double p1 = n[i1] / nvc;
            for (int i2 = 1; i2 <= ng; i2++) {
                if (n[i2] == 0) continue;
                double p2 = n[i2] / nvc;
                double d = i1 - i2;
                contrastSum += p1 * p2 * d * d;
                busynessDenominator += Math.abs(i1 * p1 - i2 * p2);
                complexity += Math.abs(d) * (p1 * s[i1] + p2 * s[i2]) / (p1 + p2);
                strengthSum += (p1 + p2) * d * d;
            }
        }
        f[Feature.CONTRAST.ordinal()] = present > 1 ? contrastSum / (present * (present - 1.0)) * (sumS / nvc) : 0;
        f[Feature.BUSYNESS.ordinal()] = present <= 1 ? 0
                : busynessDenominator == 0 ? (deviations.zeroBusynessWhenUndefined() ? 0 : Double.NaN)
                : sumPs / busynessDenominator;
        f[Feature.COMPLEXITY.ordinal()] = complexity / nvc;
        f[Feature.STRENGTH.ordinal()] = sumS == 0 ? 0 : strengthSum / sumS;
        return f;
    }
}
