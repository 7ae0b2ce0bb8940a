package org.radiome.features.pyradiomics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.radiome.features.statistics.IntensityStatistics;
import org.radiome.features.statistics.IntensityStatistics.Feature;

/**
 * PyRadiomics's first-order class ({@code radiomics/firstorder.py}) on the IBSI intensity statistics
 * ({@link IntensityStatistics#values}), in double precision. Where the definitions agree the IBSI values are used
 * unchanged (mean, variance, skewness, median, minimum, maximum, percentiles by linear interpolation as NumPy's
 * default, interquartile range, range, mean and robust mean absolute deviation). What differs:
 *
 * <ul>
 *   <li><b>Plain kurtosis</b>: PyRadiomics reports {@code m4 / m2²}, IBSI the excess kurtosis (3 less).</li>
 *   <li><b>voxelArrayShift</b> {@code c}: Energy {@code Σ (X + c)²}, TotalEnergy (Energy times the voxel volume,
 *       not in IBSI) and RootMeanSquared {@code √(Σ (X + c)² / N)}.</li>
 *   <li><b>Entropy and Uniformity</b> come from the histogram over PyRadiomics's bins ({@link BinEdges}), every bin
 *       between the first and last edge included: entropy {@code −Σ p log₂ p} with {@code p = (n + ε)/N}, uniformity
 *       {@code Σ (n / (N + ε))²}, ε = 2⁻⁵² as PyRadiomics adds it.</li>
 *   <li>StandardDeviation (deprecated, only when named): the population standard deviation.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class FirstOrderFeatures {
    private FirstOrderFeatures() {}

    /** NumPy's {@code spacing(1)}: 2⁻⁵². */
    static final double EPS = Math.ulp(1.0);

    static Map<String, Double> compute(Roi roi, PyRadiomicsSettings s) {
        double[] x = roi.maskedValues();
        double[] ibsi = IntensityStatistics.values(sortedCopy(x));
        double energy = shiftedEnergy(x, s.voxelArrayShift());
        double[] bins = BinEdges.histogram(x, BinEdges.of(x, s.binWidth(), s.binCount()));
        double n = x.length;

        Map<String, Double> out = new LinkedHashMap<>();
        out.put("Energy", energy);
        out.put("TotalEnergy", roi.sx * roi.sy * roi.sz * energy);
        out.put("Entropy", entropy(bins, n));
        out.put("Minimum", ibsi[Feature.MINIMUM.ordinal()]);
        out.put("10Percentile", ibsi[Feature.P10.ordinal()]);
        out.put("90Percentile", ibsi[Feature.P90.ordinal()]);
        out.put("Maximum", ibsi[Feature.MAXIMUM.ordinal()]);
        out.put("Mean", ibsi[Feature.MEAN.ordinal()]);
        out.put("Median", ibsi[Feature.MEDIAN.ordinal()]);
        out.put("InterquartileRange", ibsi[Feature.INTERQUARTILE_RANGE.ordinal()]);
        out.put("Range", ibsi[Feature.RANGE.ordinal()]);
        out.put("MeanAbsoluteDeviation", ibsi[Feature.MEAN_ABSOLUTE_DEVIATION.ordinal()]);
        out.put("RobustMeanAbsoluteDeviation", ibsi[Feature.ROBUST_MEAN_ABSOLUTE_DEVIATION.ordinal()]);
        out.put("RootMeanSquared", Math.sqrt(energy / n));
        out.put("Skewness", ibsi[Feature.SKEWNESS.ordinal()]);
        out.put("Kurtosis", plainKurtosis(ibsi[Feature.KURTOSIS.ordinal()], ibsi[Feature.VARIANCE.ordinal()]));
        out.put("Variance", ibsi[Feature.VARIANCE.ordinal()]);
        out.put("Uniformity", uniformity(bins, n));
        out.put("StandardDeviation", Math.sqrt(ibsi[Feature.VARIANCE.ordinal()]));
        return out;
    }

    /** {@code Σ (x + shift)²}. */
    private static double shiftedEnergy(double[] x, double shift) {
        double energy = 0;
        for (double v : x) {
            double t = v + shift;
            energy += t * t;
        }
        return energy;
    }

    /** {@code −Σ p log₂ p} over the bins, {@code p = (count + ε) / n}. */
    private static double entropy(double[] bins, double n) {
        double entropy = 0;
        for (double c : bins) {
            double p = (c + EPS) / n;
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return entropy;
    }

    /** {@code Σ (count / (n + ε))²} over the bins. */
    private static double uniformity(double[] bins, double n) {
        double uniformity = 0;
        for (double c : bins) {
            double u = c / (n + EPS);
            uniformity += u * u;
        }
        return uniformity;
    }

    /**
     * {@code x} in increasing order, as {@link Arrays#sort(double[])} orders it. Integer intensities (CT, most MR)
     * spanning a range not much larger than their count are counted into a histogram over that range and written
     * back in order, O(n + range) instead of a comparison sort; other inputs (or a {@code -0.0}, which the sort
     * orders apart from {@code 0.0}) are sorted.
     */
    static double[] sortedCopy(double[] x) {
        double[] range = integralRange(x);
        double min = range[0], span = range[1] - min;
        if (Double.isNaN(min) || x.length == 0 || !(span <= Math.max(1 << 16, 4.0 * x.length))) {
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            return sorted;
        }
        int[] counts = new int[(int) span + 1];
        count(x, min, counts);
        double[] sorted = new double[x.length];
        writeInOrder(counts, min, sorted);
        return sorted;
    }

    /**
     * {min, max} of {@code x} if every value is an integer and none is {@code -0.0}; else {NaN, NaN}. (Loops are in
     * small methods of their own: docs/performance.md.)
     */
    private static double[] integralRange(double[] x) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (v != Math.rint(v) || (v == 0 && Double.doubleToRawLongBits(v) != 0)) return new double[] {Double.NaN, Double.NaN};
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return new double[] {min, max};
    }

    private static void count(double[] x, double min, int[] counts) {
        for (double v : x) counts[(int) (v - min)]++;
    }

    /** Each value {@code min + k}, {@code counts[k]} times, in increasing order. */
    private static void writeInOrder(int[] counts, double min, double[] sorted) {
        for (int k = 0, i = 0; k < counts.length; k++) {
            double v = min + k;
            for (int c = counts[k]; c > 0; c--) sorted[i++] = v;
        }
    }

    /** PyRadiomics's kurtosis from IBSI's excess kurtosis: +3, except 0 for a flat ROI, where both report 0. */
    static double plainKurtosis(double excessKurtosis, double variance) {
        return variance == 0 ? 0 : excessKurtosis + 3;
    }
}
