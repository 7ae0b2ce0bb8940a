package org.radiome.analysis.study;

import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.regression.DeLong;
import org.radiome.analysis.survival.Concordance;

/**
 * The performance measures a study reports on out-of-fold scores: AUC (with DeLong's interval, as pROC),
 * Brier score and binned calibration for a binary outcome, Harrell's C for survival, and a seeded
 * percentile bootstrap interval for any of them. Thread-safe (no state).
 */
public final class Performance {
    private Performance() { }

    /** A point estimate with a 95 % interval (NaN where undefined), and how the interval was made. */
    public record Estimate(double value, double lower, double upper, String interval) { }

    /** Binned calibration: mean predicted probability, observed rate and case count per bin. */
    public record Calibration(double[] meanPredicted, double[] observed, int[] counts) { }

    public static double auc(double[] y, double[] score) {
        return DeLong.auc(y, score).auc();
    }

    public static double brier(double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (p[i] - y[i]) * (p[i] - y[i]);
        return s / y.length;
    }

    public static double harrellC(double[] time, int[] event, double[] risk) {
        return Concordance.of(Selection.survival(time, event), risk).concordance();
    }

    /** Equal-count bins of the predicted probability (cases with equal scores stay in one bin). */
    public static Calibration calibration(double[] y, double[] p, int bins) {
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] mp = new double[bins], obs = new double[bins];
        int[] count = new int[bins];
        for (int k = 0; k < n; k++) {
            int b = Math.min(bins - 1, (int) ((long) k * bins / n));
            mp[b] += p[order[k]];
            obs[b] += y[order[k]];
            count[b]++;
        }
        for (int b = 0; b < bins; b++) {
            mp[b] /= count[b];
            obs[b] /= count[b];
        }
        return new Calibration(mp, obs, count);
    }

    /**
     * The metric on {@code n} cases with a percentile interval over {@code resamples} bootstrap samples of the
     * cases (drawn with {@link Random} from {@code seed}); resamples where the metric is undefined (one class,
     * no comparable pair) are redrawn. Percentiles as R's {@code quantile(type = 7)}.
     */
    public static Estimate bootstrap(int n, ToDoubleFunction<int[]> metric, int resamples, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        double value = metric.applyAsDouble(all);
        Random random = new Random(seed);
        double[] stats = new double[resamples];
        int k = 0, failures = 0;
        while (k < resamples) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = random.nextInt(n);
            double v;
            try {
                v = metric.applyAsDouble(idx);
            } catch (AnalysisException e) {
                v = Double.NaN;
            }
            if (Double.isFinite(v)) stats[k++] = v;
            else if (++failures > 10 * resamples) return new Estimate(value, Double.NaN, Double.NaN, "bootstrap failed");
        }
        Arrays.sort(stats);
        return new Estimate(value, quantile(stats, 0.025), quantile(stats, 0.975), "percentile bootstrap, " + resamples + " resamples");
    }

    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = v[idx[i]];
        return out;
    }

    static int[] pick(int[] v, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = v[idx[i]];
        return out;
    }
}
