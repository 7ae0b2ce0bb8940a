package org.radiome.analysis.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.radiome.analysis.AnalysisException;

/**
 * Seeded percentile bootstrap intervals (Efron and Tibshirani 1993, ch. 13) for any metric computed from a
 * sample of case indices: each replicate draws n indices with replacement (or, stratified, as many from each
 * stratum as it has, as pROC's default {@code boot.stratified = TRUE}), the metric is evaluated on them, and
 * the interval is the (1 - level) / 2 and (1 + level) / 2 quantiles of the replicates, R's default
 * (type 7) quantile. A replicate on which the metric is undefined (it throws {@link AnalysisException}, for
 * example one class only, or returns NaN) is skipped and counted. Thread-safe; the metric must be too if the
 * caller shares it.
 */
public final class Bootstrap {
    private Bootstrap() { }

    /**
     * @param estimate   the metric on all cases (indices 0..n-1 in order)
     * @param replicates replicates whose metric was defined
     * @param skipped    replicates skipped because the metric was undefined on them
     */
    public record Interval(double estimate, double lower, double upper, double level, int replicates, int skipped) { }

    public static Interval ci(int n, ToDoubleFunction<int[]> metric, int replicates, long seed, double level) {
        return stratifiedCi(new int[n], metric, replicates, seed, level);
    }

    /** Resamples within each stratum (a small non-negative integer per case, e.g. the 0/1 response). */
    public static Interval stratifiedCi(int[] strata, ToDoubleFunction<int[]> metric, int replicates, long seed, double level) {
        return stratifiedCis(strata, idx -> new double[] {metric.applyAsDouble(idx)}, replicates, seed, level)[0];
    }

    /**
     * Several metrics that one computation yields together (for example a recalibration fit's intercept and slope),
     * each with its interval, from the same replicates: the computation runs once per replicate. Each value is
     * skipped where it alone is NaN; a replicate on which the computation throws {@link AnalysisException} counts as
     * undefined for all of them.
     */
    public static Interval[] stratifiedCis(int[] strata, Function<int[], double[]> metrics, int replicates, long seed, double level) {
        return stratifiedCis(strata, List.of(metrics), replicates, seed, level);
    }

    /**
     * Several computations on the same replicates, each yielding one or more metrics (intervals in the order of the
     * computations and their values). The draws depend only on the strata, the seed and the number of replicates,
     * and each computation runs once per replicate and is skipped alone where it throws {@link AnalysisException},
     * so each interval is exactly the one that computation gets from {@link #stratifiedCis(int[], Function, int,
     * long, double)} by itself with the same seed, for one set of draws instead of one per computation.
     */
    public static Interval[] stratifiedCis(int[] strata, List<Function<int[], double[]>> computations, int replicates, long seed,
                                           double level) {
        int n = strata.length;
        if (n < 1) throw new AnalysisException("the bootstrap needs at least one case");
        if (replicates < 1) throw new IllegalArgumentException("the bootstrap needs at least one replicate, was " + replicates);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("the confidence level must lie in (0, 1), was " + level);
        int levels = 0;
        for (int s : strata) {
            if (s < 0) throw new IllegalArgumentException("strata must be >= 0, was " + s);
            levels = Math.max(levels, s + 1);
        }
        int[][] members = new int[levels][];
        for (int s = 0; s < levels; s++) {
            final int stratum = s;
            members[s] = java.util.stream.IntStream.range(0, n).filter(i -> strata[i] == stratum).toArray();
        }
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        int[] first = new int[computations.size() + 1]; // computation k's values are first[k] .. first[k + 1] - 1
        List<double[]> parts = new java.util.ArrayList<>();
        for (int k = 0; k < computations.size(); k++) {
            double[] e = computations.get(k).apply(all.clone());
            parts.add(e);
            first[k + 1] = first[k] + e.length;
        }
        int count = first[computations.size()];
        double[] estimates = new double[count];
        for (int k = 0; k < parts.size(); k++) System.arraycopy(parts.get(k), 0, estimates, first[k], parts.get(k).length);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] values = new double[count][replicates];
        int[] used = new int[count], skipped = new int[count];
        int[] sample = new int[n];
        for (int b = 0; b < replicates; b++) {
            int k = 0;
            for (int[] m : members) for (int i = 0; i < m.length; i++) sample[k++] = m[random.nextInt(m.length)];
            for (int q = 0; q < computations.size(); q++) {
                double[] v;
                try {
                    v = computations.get(q).apply(sample.clone());
                } catch (AnalysisException e) {
                    v = null;
                }
                for (int c = first[q]; c < first[q + 1]; c++) {
                    if (v == null || Double.isNaN(v[c - first[q]])) skipped[c]++;
                    else values[c][used[c]++] = v[c - first[q]];
                }
            }
        }
        Interval[] out = new Interval[count];
        for (int c = 0; c < count; c++) {
            if (used[c] == 0) throw new AnalysisException("the metric was undefined on every one of " + replicates + " bootstrap replicates");
            double[] sorted = Arrays.copyOf(values[c], used[c]);
            Arrays.sort(sorted);
            out[c] = new Interval(estimates[c], quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2), level, used[c], skipped[c]);
        }
        return out;
    }

    /** R's type-7 quantile of sorted values: h = (m - 1) q, linear between the neighbouring order statistics. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
