package org.radiome.features.pyradiomics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.radiome.features.FeatureSet;
import org.radiome.features.statistics.IntensityStatistics;

/**
 * PyRadiomics's first-order class ({@code radiomics/firstorder.py}) on the IBSI intensity statistics
 * ({@link IntensityStatistics}), in double precision. Where the definitions agree the IBSI values are used
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
        double[] sorted = sortedCopy(x);
        FeatureSet ibsi = IntensityStatistics.compute(sorted);
        double shift = s.voxelArrayShift();
        double energy = 0;
        for (double v : x) {
            double t = v + shift;
            energy += t * t;
        }
        double[] bins = BinEdges.histogram(x, BinEdges.of(x, s.binWidth(), s.binCount()));
        double n = x.length;
        double entropy = 0, uniformity = 0;
        for (double c : bins) {
            double p = (c + EPS) / n;
            entropy -= p * Math.log(p) / Math.log(2);
            double u = c / (n + EPS);
            uniformity += u * u;
        }

        Map<String, Double> out = new LinkedHashMap<>();
        out.put("Energy", energy);
        out.put("TotalEnergy", roi.sx * roi.sy * roi.sz * energy);
        out.put("Entropy", entropy);
        out.put("Minimum", ibsi.get("stat_min"));
        out.put("10Percentile", ibsi.get("stat_p10"));
        out.put("90Percentile", ibsi.get("stat_p90"));
        out.put("Maximum", ibsi.get("stat_max"));
        out.put("Mean", ibsi.get("stat_mean"));
        out.put("Median", ibsi.get("stat_median"));
        out.put("InterquartileRange", ibsi.get("stat_iqr"));
        out.put("Range", ibsi.get("stat_range"));
        out.put("MeanAbsoluteDeviation", ibsi.get("stat_mad"));
        out.put("RobustMeanAbsoluteDeviation", ibsi.get("stat_rmad"));
        out.put("RootMeanSquared", Math.sqrt(energy / n));
        out.put("Skewness", ibsi.get("stat_skew"));
        out.put("Kurtosis", plainKurtosis(ibsi.get("stat_kurt"), ibsi.get("stat_var")));
        out.put("Variance", ibsi.get("stat_var"));
        out.put("Uniformity", uniformity);
        out.put("StandardDeviation", Math.sqrt(ibsi.get("stat_var")));
        return out;
    }

    /**
     * {@code x} in increasing order, as {@link Arrays#sort(double[])} orders it. Integer intensities (CT, most MR)
     * spanning a range not much larger than their count are counted into a histogram over that range and written
     * back in order, O(n + range) instead of a comparison sort; other inputs (or a {@code -0.0}, which the sort
     * orders apart from {@code 0.0}) are sorted.
     */
    static double[] sortedCopy(double[] x) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        boolean integral = true;
        for (double v : x) {
            if (v != Math.rint(v) || (v == 0 && Double.doubleToRawLongBits(v) != 0)) {
                integral = false;
                break;
            }
            if (v < min) min = v;
            if (v > max) max = v;
        }
        double span = max - min;
        if (!integral || x.length == 0 || !(span <= Math.max(1 << 16, 4.0 * x.length))) {
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            return sorted;
        }
        int[] counts = new int[(int) span + 1];
        for (double v : x) counts[(int) (v - min)]++;
        double[] sorted = new double[x.length];
        for (int k = 0, i = 0; k < counts.length; k++) {
            double v = min + k;
            for (int c = counts[k]; c > 0; c--) sorted[i++] = v;
        }
        return sorted;
    }

    /** PyRadiomics's kurtosis from IBSI's excess kurtosis: +3, except 0 for a flat ROI, where both report 0. */
    static double plainKurtosis(double excessKurtosis, double variance) {
        return variance == 0 ? 0 : excessKurtosis + 3;
    }
}
