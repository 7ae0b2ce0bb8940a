package org.radiome.features.statistics;

import java.util.Arrays;

import org.radiome.features.FeatureDefinition;
import org.radiome.features.FeatureSet;
import org.radiome.features.RoiImage;

/**
 * Intensity-based statistical features (IBSI family UHIW), computed once over the 3D ROI (DHQ4) on the
 * set X<sub>gl</sub> of the N<sub>v</sub> intensities in the ROI intensity mask.
 *
 * <p>IBSI's definitions differ from several textbook or library defaults, and we follow IBSI:
 * <ul>
 *   <li>the variance divides by N<sub>v</sub> (no bias correction; many libraries divide by N − 1);</li>
 *   <li>skewness and kurtosis are the plain moment ratios, without sample-size correction; kurtosis is
 *       the <em>excess</em> kurtosis (minus 3);</li>
 *   <li>when the variance is 0, IBSI defines skewness and kurtosis as 0;</li>
 *   <li>percentiles (P10, P25, P75, P90 and the median P50) interpolate linearly between order
 *       statistics at rank (N<sub>v</sub> − 1)·p (Hyndman–Fan type 7, the default of NumPy and R). The
 *       manual does not name a percentile method; this one gives the published digital-phantom
 *       P90 = 4 (the manual notes that some methods give 4.2);</li>
 *   <li>mean, median and robust mean absolute deviations all divide by the number of voxels used.</li>
 * </ul>
 *
 * <p>Central moments use two passes (mean first) to avoid the cancellation of the
 * E[X²] − E[X]² formula. Stateless and thread-safe.
 */
public final class IntensityStatistics {

    /** The statistical features, in the order of the IBSI reference table. */
    public enum Feature implements FeatureDefinition {
        /** Mean, IBSI Q4LE: μ = (1/N<sub>v</sub>) Σ X<sub>k</sub>. */
        MEAN("stat_mean", "Q4LE"),
        /** Variance, IBSI ECT3: (1/N<sub>v</sub>) Σ (X<sub>k</sub> − μ)², no bias correction. */
        VARIANCE("stat_var", "ECT3"),
        /** Skewness, IBSI KE2A: m<sub>3</sub> / m<sub>2</sub><sup>3/2</sup>; 0 when the variance is 0. */
        SKEWNESS("stat_skew", "KE2A"),
        /** Excess kurtosis, IBSI IPH6: m<sub>4</sub> / m<sub>2</sub>² − 3; 0 when the variance is 0. */
        KURTOSIS("stat_kurt", "IPH6"),
        /** Median, IBSI Y12H: the sample median (mean of the two middle values when N<sub>v</sub> is even). */
        MEDIAN("stat_median", "Y12H"),
        /** Minimum, IBSI 1GSF. */
        MINIMUM("stat_min", "1GSF"),
        /** 10th percentile, IBSI QG58. */
        P10("stat_p10", "QG58"),
        /** 90th percentile, IBSI 8DWT. */
        P90("stat_p90", "8DWT"),
        /** Maximum, IBSI 84IY. */
        MAXIMUM("stat_max", "84IY"),
        /** Interquartile range, IBSI SALO: P75 − P25. */
        INTERQUARTILE_RANGE("stat_iqr", "SALO"),
        /** Range, IBSI 2OJQ: max − min. */
        RANGE("stat_range", "2OJQ"),
        /** Mean absolute deviation, IBSI 4FUA: (1/N<sub>v</sub>) Σ |X<sub>k</sub> − μ|. */
        MEAN_ABSOLUTE_DEVIATION("stat_mad", "4FUA"),
        /**
         * Robust mean absolute deviation, IBSI 1128: the mean absolute deviation from their own mean of
         * the intensities X with P10 ≤ X ≤ P90. That set is empty only for two distinct intensities
         * (both percentiles then fall between them); IBSI defines no value there and the result is NaN.
         */
        ROBUST_MEAN_ABSOLUTE_DEVIATION("stat_rmad", "1128"),
        /** Median absolute deviation, IBSI N72L: (1/N<sub>v</sub>) Σ |X<sub>k</sub> − median| (a mean, not a median). */
        MEDIAN_ABSOLUTE_DEVIATION("stat_medad", "N72L"),
        /**
         * Coefficient of variation, IBSI 7TET: σ / μ with σ = √variance. IBSI defines no value for μ = 0;
         * the result is then the IEEE quotient (±∞, or NaN when σ is 0 too).
         */
        COEFFICIENT_OF_VARIATION("stat_cov", "7TET"),
        /**
         * Quartile coefficient of dispersion, IBSI 9S40: (P75 − P25) / (P75 + P25). IBSI defines no value
         * for P75 + P25 = 0; the result is then the IEEE quotient (±∞, or NaN).
         */
        QUARTILE_COEFFICIENT_OF_DISPERSION("stat_qcod", "9S40"),
        /** Energy, IBSI N8CA: Σ X<sub>k</sub>² (depends on the voxel count, not normalised). */
        ENERGY("stat_energy", "N8CA"),
        /** Root mean square, IBSI 5ZWQ: √((1/N<sub>v</sub>) Σ X<sub>k</sub>²). */
        ROOT_MEAN_SQUARE("stat_rms", "5ZWQ");

        private final String tag;
        private final String ibsiCode;

        Feature(String tag, String ibsiCode) {
            this.tag = tag;
            this.ibsiCode = ibsiCode;
        }

        @Override public String tag() { return tag; }
        @Override public String ibsiCode() { return ibsiCode; }
    }

    private IntensityStatistics() {}

    /** All 18 statistical features of the intensities in {@code roi}'s intensity mask. */
    public static FeatureSet compute(RoiImage roi) {
        double[] x = roi.roiIntensities();
        Arrays.sort(x);
        return compute(x);
    }

    /**
     * The features of the ascending-sorted, non-empty intensities {@code sorted}. Public as an extension point for
     * modes that select or preprocess the intensities themselves (PyRadiomics-compatible mode, in double precision).
     */
    public static FeatureSet compute(double[] sorted) {
        double[] v = values(sorted);
        FeatureSet out = new FeatureSet();
        for (Feature f : Feature.values()) out.add(f, v[f.ordinal()]);
        return out;
    }

    /**
     * As {@link #compute(double[])}, as a plain array indexed by {@link Feature#ordinal()}: for modes that use only
     * some of the values and want them without building and searching a {@link FeatureSet}.
     *
     * <p>Each pass over the intensities is a small method of its own: this runs once per case, so the JIT meets the
     * passes mid-run, and as one method each loop got its own on-stack-replacement compilation of the rest of it.
     */
    public static double[] values(double[] sorted) {
        int n = sorted.length;
        if (n == 0) throw new IllegalArgumentException("the ROI intensity mask is empty");

        double sum = sum(sorted);
        double sumSquares = sumOfSquares(sorted);
        double mean = sum / n;

        double[] moments = centralMoments(sorted, mean);
        double m2 = moments[0] / n, m3 = moments[1] / n, m4 = moments[2] / n, absDev = moments[3];
        double skewness = m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
        double kurtosis = m2 == 0 ? 0 : m4 / (m2 * m2) - 3;

        double median = percentile(sorted, 0.50);
        double p10 = percentile(sorted, 0.10);
        double p25 = percentile(sorted, 0.25);
        double p75 = percentile(sorted, 0.75);
        double p90 = percentile(sorted, 0.90);
        double min = sorted[0], max = sorted[n - 1];

        double medianDev = absoluteDeviation(sorted, median);

        double[] out = new double[Feature.values().length];
        out[Feature.MEAN.ordinal()] = mean;
        out[Feature.VARIANCE.ordinal()] = m2;
        out[Feature.SKEWNESS.ordinal()] = skewness;
        out[Feature.KURTOSIS.ordinal()] = kurtosis;
        out[Feature.MEDIAN.ordinal()] = median;
        out[Feature.MINIMUM.ordinal()] = min;
        out[Feature.P10.ordinal()] = p10;
        out[Feature.P90.ordinal()] = p90;
        out[Feature.MAXIMUM.ordinal()] = max;
        out[Feature.INTERQUARTILE_RANGE.ordinal()] = p75 - p25;
        out[Feature.RANGE.ordinal()] = max - min;
        out[Feature.MEAN_ABSOLUTE_DEVIATION.ordinal()] = absDev / n;
        out[Feature.ROBUST_MEAN_ABSOLUTE_DEVIATION.ordinal()] = robustMeanAbsoluteDeviation(sorted, p10, p90);
        out[Feature.MEDIAN_ABSOLUTE_DEVIATION.ordinal()] = medianDev / n;
        out[Feature.COEFFICIENT_OF_VARIATION.ordinal()] = Math.sqrt(m2) / mean;
        out[Feature.QUARTILE_COEFFICIENT_OF_DISPERSION.ordinal()] = (p75 - p25) / (p75 + p25);
        out[Feature.ENERGY.ordinal()] = sumSquares;
        out[Feature.ROOT_MEAN_SQUARE.ordinal()] = Math.sqrt(sumSquares / n);
        return out;
    }

    private static double sum(double[] x) {
        double sum = 0;
        for (double v : x) sum += v;
        return sum;
    }

    private static double sumOfSquares(double[] x) {
        double sum = 0;
        for (double v : x) sum += v * v;
        return sum;
    }

    /** {@code Σ d²}, {@code Σ d³}, {@code Σ d⁴} and {@code Σ |d|} of the deviations {@code d = x − mean}. */
    private static double[] centralMoments(double[] x, double mean) {
        double m2 = 0, m3 = 0, m4 = 0, absDev = 0;
        for (double v : x) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
            absDev += Math.abs(d);
        }
        return new double[] {m2, m3, m4, absDev};
    }

    /** {@code Σ |x − centre|}. */
    private static double absoluteDeviation(double[] x, double centre) {
        double sum = 0;
        for (double v : x) sum += Math.abs(v - centre);
        return sum;
    }

    /**
     * The p-quantile (0 ≤ p ≤ 1) of ascending {@code sorted}: linear interpolation between the order
     * statistics around rank h = (n − 1)·p (0-based), Hyndman–Fan type 7.
     */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Mean absolute deviation, about their own mean, of the values in [p10, p90]; NaN if there are none. */
    private static double robustMeanAbsoluteDeviation(double[] sorted, double p10, double p90) {
        double[] sumAndCount = sumInRange(sorted, p10, p90);
        double count = sumAndCount[1];
        if (count == 0) return Double.NaN;
        double mean = sumAndCount[0] / count;
        return absoluteDeviationInRange(sorted, p10, p90, mean) / count;
    }

    /** The sum and the number of the values in [lo, hi]. */
    private static double[] sumInRange(double[] x, double lo, double hi) {
        double sum = 0;
        int count = 0;
        for (double v : x) {
            if (v >= lo && v <= hi) {
                sum += v;
                count++;
            }
        }
        return new double[] {sum, count};
    }

    /** {@code Σ |x − centre|} over the values in [lo, hi]. */
    private static double absoluteDeviationInRange(double[] x, double lo, double hi, double centre) {
        double dev = 0;
        for (double v : x) {
            if (v >= lo && v <= hi) dev += Math.abs(v - centre);
        }
        return dev;
    }
}
