package org.radiome.features.histogram;

import org.radiome.features.FeatureDefinition;
import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;

/**
 * Intensity histogram features (IBSI family ZVCW), computed once over the 3D ROI (DHQ4) on the
 * discretised intensities X<sub>d</sub> (grey levels 1…N<sub>g</sub>) of the N<sub>v</sub> voxels in the
 * ROI intensity mask.
 *
 * <p>Everything is computed from the histogram H = {n<sub>1</sub>, …, n<sub>N<sub>g</sub></sub>} with
 * p<sub>i</sub> = n<sub>i</sub> / N<sub>v</sub>; the histogram is dense (empty bins are kept), as the
 * gradient features require. As for the intensity statistics, IBSI's definitions differ from some
 * textbook defaults: the variance divides by N<sub>v</sub>, kurtosis is excess kurtosis, skewness and
 * kurtosis are 0 when the variance is 0, and percentiles interpolate linearly at rank
 * (N<sub>v</sub> − 1)·p (Hyndman–Fan type 7, the NumPy/R default; the manual names no method, and this
 * one gives the published digital-phantom P90 = 4).
 *
 * <p>Stateless and thread-safe.
 */
public final class IntensityHistogram {
    private static final double LN2 = Math.log(2);

    /** The intensity histogram features, in the order of the IBSI reference table. */
    public enum Feature implements FeatureDefinition {
        /** Mean discretised intensity, IBSI X6K6: μ = Σ i p<sub>i</sub>. */
        MEAN("ih_mean", "X6K6"),
        /** Variance, IBSI CH89: Σ (i − μ)² p<sub>i</sub>, no bias correction. */
        VARIANCE("ih_var", "CH89"),
        /** Skewness, IBSI 88K1: m<sub>3</sub> / m<sub>2</sub><sup>3/2</sup>; 0 when the variance is 0. */
        SKEWNESS("ih_skew", "88K1"),
        /** Excess kurtosis, IBSI C3I7: m<sub>4</sub> / m<sub>2</sub>² − 3; 0 when the variance is 0. */
        KURTOSIS("ih_kurt", "C3I7"),
        /** Median, IBSI WIFQ: the sample median of X<sub>d</sub>. */
        MEDIAN("ih_median", "WIFQ"),
        /** Minimum discretised intensity, IBSI 1PR8: the lowest grey level present. */
        MINIMUM("ih_min", "1PR8"),
        /**
         * 10th percentile, IBSI GPMT (the manual's rst source repeats 1PR8 here, evidently a copy error;
         * see {@code ibsi_1_feature_identifiers.csv}).
         */
        P10("ih_p10", "GPMT"),
        /** 90th percentile, IBSI OZ0C (the manual's rst source gives GPMT; see the identifiers table). */
        P90("ih_p90", "OZ0C"),
        /** Maximum discretised intensity, IBSI 3NCY: the highest grey level present. */
        MAXIMUM("ih_max", "3NCY"),
        /**
         * Mode, IBSI AMMC: the grey level with the highest count; among tied bins the one closest to the
         * mean, and of two equally close the one below the mean (IBSI's tie rule).
         */
        MODE("ih_mode", "AMMC"),
        /** Interquartile range, IBSI WR0O: P75 − P25. */
        INTERQUARTILE_RANGE("ih_iqr", "WR0O"),
        /** Range, IBSI 5Z3W: max − min of X<sub>d</sub>. */
        RANGE("ih_range", "5Z3W"),
        /** Mean absolute deviation, IBSI D2ZX: (1/N<sub>v</sub>) Σ |X<sub>d,k</sub> − μ|. */
        MEAN_ABSOLUTE_DEVIATION("ih_mad", "D2ZX"),
        /**
         * Robust mean absolute deviation, IBSI WRZB: the mean absolute deviation from their own mean of
         * the grey levels X with P10 ≤ X ≤ P90. That set is empty only for two voxels of different levels;
         * IBSI defines no value there and the result is NaN.
         */
        ROBUST_MEAN_ABSOLUTE_DEVIATION("ih_rmad", "WRZB"),
        /** Median absolute deviation, IBSI 4RNL: (1/N<sub>v</sub>) Σ |X<sub>d,k</sub> − median| (a mean). */
        MEDIAN_ABSOLUTE_DEVIATION("ih_medad", "4RNL"),
        /** Coefficient of variation, IBSI CWYJ: σ / μ (μ ≥ 1, as grey levels start at 1). */
        COEFFICIENT_OF_VARIATION("ih_cov", "CWYJ"),
        /** Quartile coefficient of dispersion, IBSI SLWD: (P75 − P25) / (P75 + P25). */
        QUARTILE_COEFFICIENT_OF_DISPERSION("ih_qcod", "SLWD"),
        /** Entropy, IBSI TLU2: −Σ p<sub>i</sub> log<sub>2</sub> p<sub>i</sub> over non-empty bins. */
        ENTROPY("ih_entropy", "TLU2"),
        /** Uniformity, IBSI BJ5W: Σ p<sub>i</sub>². */
        UNIFORMITY("ih_uniformity", "BJ5W"),
        /**
         * Maximum histogram gradient, IBSI 12CE: max H′, with H′<sub>1</sub> = n<sub>2</sub> − n<sub>1</sub>,
         * H′<sub>i</sub> = (n<sub>i+1</sub> − n<sub>i−1</sub>) / 2 inside and
         * H′<sub>N<sub>g</sub></sub> = n<sub>N<sub>g</sub></sub> − n<sub>N<sub>g</sub>−1</sub>. IBSI leaves
         * N<sub>g</sub> = 1 undefined; Radiome then takes the gradient of the single bin as 0.
         */
        MAX_GRADIENT("ih_max_grad", "12CE"),
        /** Maximum histogram gradient intensity, IBSI 8E6O: the grey level of max H′ (the lowest if tied). */
        MAX_GRADIENT_LEVEL("ih_max_grad_g", "8E6O"),
        /** Minimum histogram gradient, IBSI VQB3: min H′ (see {@link #MAX_GRADIENT} for H′). */
        MIN_GRADIENT("ih_min_grad", "VQB3"),
        /** Minimum histogram gradient intensity, IBSI RHQZ: the grey level of min H′ (the lowest if tied). */
        MIN_GRADIENT_LEVEL("ih_min_grad_g", "RHQZ");

        private final String tag;
        private final String ibsiCode;

        Feature(String tag, String ibsiCode) {
            this.tag = tag;
            this.ibsiCode = ibsiCode;
        }

        @Override public String tag() { return tag; }
        @Override public String ibsiCode() { return ibsiCode; }
    }

    private IntensityHistogram() {}

    /** All 23 intensity histogram features of {@code levels}. */
    public static FeatureSet compute(GreyLevels levels) {
        return fromHistogram(histogram(levels));
    }

    /** Dense histogram: element i − 1 counts the voxels of grey level i, for i = 1…N<sub>g</sub>. */
    static long[] histogram(GreyLevels levels) {
        int ng = levels.levelCount();
        long[] counts = new long[ng];
        for (int level : levels.levels()) {
            if (level == 0) continue;
            if (level < 0 || level > ng) {
                throw new IllegalArgumentException("grey level " + level + " lies outside 1.." + ng);
            }
            counts[level - 1]++;
        }
        return counts;
    }

    /** The features of a dense histogram ({@code counts[i - 1]} = n<sub>i</sub>) with at least one voxel. */
    static FeatureSet fromHistogram(long[] counts) {
        int ng = counts.length;
        long total = 0;
        int min = 0, max = 0;
        double sum = 0;
        for (int i = 1; i <= ng; i++) {
            long n = counts[i - 1];
            if (n == 0) continue;
            if (min == 0) min = i;
            max = i;
            total += n;
            sum += (double) i * n;
        }
        if (total == 0) throw new IllegalArgumentException("the ROI intensity mask is empty");
        double nv = total;
        double mean = sum / nv;

        double m2 = 0, m3 = 0, m4 = 0, absDev = 0, entropy = 0, uniformity = 0;
        for (int i = 1; i <= ng; i++) {
            long n = counts[i - 1];
            if (n == 0) continue;
            double p = n / nv;
            double d = i - mean;
            double d2 = d * d;
            m2 += p * d2;
            m3 += p * d2 * d;
            m4 += p * d2 * d2;
            absDev += p * Math.abs(d);
            entropy -= p * Math.log(p) / LN2;
            uniformity += p * p;
        }
        double skewness = m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
        double kurtosis = m2 == 0 ? 0 : m4 / (m2 * m2) - 3;

        double median = percentile(counts, total, 0.50);
        double p10 = percentile(counts, total, 0.10);
        double p25 = percentile(counts, total, 0.25);
        double p75 = percentile(counts, total, 0.75);
        double p90 = percentile(counts, total, 0.90);

        double medianDev = 0;
        for (int i = 1; i <= ng; i++) medianDev += counts[i - 1] * Math.abs(i - median);

        double[] gradient = gradient(counts);
        int maxGradLevel = 1, minGradLevel = 1;
        for (int i = 2; i <= ng; i++) {
            if (gradient[i - 1] > gradient[maxGradLevel - 1]) maxGradLevel = i;
            if (gradient[i - 1] < gradient[minGradLevel - 1]) minGradLevel = i;
        }

        FeatureSet out = new FeatureSet();
        out.add(Feature.MEAN, mean);
        out.add(Feature.VARIANCE, m2);
        out.add(Feature.SKEWNESS, skewness);
        out.add(Feature.KURTOSIS, kurtosis);
        out.add(Feature.MEDIAN, median);
        out.add(Feature.MINIMUM, min);
        out.add(Feature.P10, p10);
        out.add(Feature.P90, p90);
        out.add(Feature.MAXIMUM, max);
        out.add(Feature.MODE, mode(counts, mean));
        out.add(Feature.INTERQUARTILE_RANGE, p75 - p25);
        out.add(Feature.RANGE, max - min);
        out.add(Feature.MEAN_ABSOLUTE_DEVIATION, absDev);
        out.add(Feature.ROBUST_MEAN_ABSOLUTE_DEVIATION, robustMeanAbsoluteDeviation(counts, p10, p90));
        out.add(Feature.MEDIAN_ABSOLUTE_DEVIATION, medianDev / nv);
        out.add(Feature.COEFFICIENT_OF_VARIATION, Math.sqrt(m2) / mean);
        out.add(Feature.QUARTILE_COEFFICIENT_OF_DISPERSION, (p75 - p25) / (p75 + p25));
        out.add(Feature.ENTROPY, entropy);
        out.add(Feature.UNIFORMITY, uniformity);
        out.add(Feature.MAX_GRADIENT, gradient[maxGradLevel - 1]);
        out.add(Feature.MAX_GRADIENT_LEVEL, maxGradLevel);
        out.add(Feature.MIN_GRADIENT, gradient[minGradLevel - 1]);
        out.add(Feature.MIN_GRADIENT_LEVEL, minGradLevel);
        return out;
    }

    /**
     * The p-quantile of the grey levels: linear interpolation between the order statistics around rank
     * h = (N<sub>v</sub> − 1)·p (0-based), Hyndman–Fan type 7, read off the cumulative histogram.
     */
    static double percentile(long[] counts, long total, double p) {
        double h = (total - 1) * p;
        long lo = (long) Math.floor(h);
        long hi = Math.min(lo + 1, total - 1);
        int atLo = levelAtRank(counts, lo);
        int atHi = levelAtRank(counts, hi);
        return atLo + (h - lo) * (atHi - atLo);
    }

    /** The grey level of the order statistic of 0-based {@code rank}. */
    private static int levelAtRank(long[] counts, long rank) {
        long cumulative = 0;
        for (int i = 1; i <= counts.length; i++) {
            cumulative += counts[i - 1];
            if (cumulative > rank) return i;
        }
        throw new IllegalArgumentException("rank " + rank + " exceeds the voxel count " + cumulative);
    }

    /** IBSI mode: highest count; ties go to the bin nearest the mean, then to the lower bin. */
    private static int mode(long[] counts, double mean) {
        int best = 0;
        for (int i = 1; i <= counts.length; i++) {
            long n = counts[i - 1];
            if (n == 0) continue;
            if (best == 0 || n > counts[best - 1]
                    || (n == counts[best - 1] && Math.abs(i - mean) < Math.abs(best - mean))) {
                best = i; // ascending i: an equally distant later bin lies right of the mean and loses
            }
        }
        return best;
    }

    /** Histogram gradient H′ (IBSI ZVCW, "maximum histogram gradient"), one value per grey level. */
    static double[] gradient(long[] counts) {
        int ng = counts.length;
        double[] g = new double[ng];
        if (ng == 1) return g; // a single bin: no neighbours, gradient taken as 0 (not defined by IBSI)
        g[0] = counts[1] - counts[0];
        for (int i = 1; i < ng - 1; i++) g[i] = (counts[i + 1] - counts[i - 1]) / 2.0;
        g[ng - 1] = counts[ng - 1] - counts[ng - 2];
        return g;
    }

    /** Mean absolute deviation, about their own mean, of the grey levels in [p10, p90]; NaN if none. */
    private static double robustMeanAbsoluteDeviation(long[] counts, double p10, double p90) {
        long count = 0;
        double sum = 0;
        for (int i = 1; i <= counts.length; i++) {
            if (i < p10 || i > p90) continue;
            count += counts[i - 1];
            sum += (double) i * counts[i - 1];
        }
        if (count == 0) return Double.NaN;
        double mean = sum / count;
        double dev = 0;
        for (int i = 1; i <= counts.length; i++) {
            if (i < p10 || i > p90) continue;
            dev += counts[i - 1] * Math.abs(i - mean);
        }
        return dev / count;
    }
}
