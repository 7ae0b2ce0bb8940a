package org.radiome.analysis.study;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.radiome.analysis.metrics.Bootstrap;
import org.radiome.analysis.metrics.Brier;
import org.radiome.analysis.metrics.Calibration;
import org.radiome.analysis.metrics.Discrimination;

/**
 * How a study reports a performance measure: a point estimate with its 95 % interval and how the interval was
 * made. The measures and the bootstrap are the metrics package's ({@link Discrimination}, {@link Brier},
 * {@link Calibration}, {@link Bootstrap}); this class only names them for the model card and the report and
 * picks the bootstrap's cases out of the study's columns. Thread-safe (no state).
 */
public final class Performance {
    private Performance() { }

    /** A point estimate with a 95 % interval (NaN where undefined), and how the interval was made. */
    public record Estimate(double value, double lower, double upper, String interval) {
        static Estimate undefined() { return new Estimate(Double.NaN, Double.NaN, Double.NaN, "undefined"); }
    }

    /** The percentile bootstrap of a metric over {@code resamples} replicates, stratified by {@code strata} (null: not stratified). */
    static Estimate bootstrap(int[] strata, int n, ToDoubleFunction<int[]> metric, int resamples, long seed) {
        Bootstrap.Interval ci = strata == null ? Bootstrap.ci(n, metric, resamples, seed, 0.95)
            : Bootstrap.stratifiedCi(strata, metric, resamples, seed, 0.95);
        return estimate(ci, strata != null);
    }

    static Estimate estimate(Bootstrap.Interval ci, boolean stratified) {
        return new Estimate(ci.estimate(), ci.lower(), ci.upper(), "percentile bootstrap, " + ci.replicates() + " resamples"
            + (stratified ? " stratified by class" : "") + (ci.skipped() == 0 ? "" : " (" + ci.skipped() + " undefined, skipped)"));
    }

    /** Bootstrap AUC of 0/1 {@code y} against {@code score}, resampled within each class as pROC does. */
    static Estimate auc(double[] y, double[] score, int resamples, long seed) {
        return bootstrap(classes(y), y.length, idx -> Discrimination.auc(pick(y, idx), pick(score, idx)), resamples, seed);
    }

    /** A binary outcome's bootstrapped measures: AUC, Brier score, and the calibration intercept, slope and in-the-large. */
    record BinaryEstimates(Estimate auc, Estimate brier, Estimate calibrationIntercept, Estimate calibrationSlope,
                           Estimate calibrationInTheLarge) { }

    /**
     * AUC, Brier score and logistic recalibration (intercept and slope, and calibration-in-the-large), each with a
     * bootstrap interval, resampled within each class. One set of draws serves all three computations (AUC, Brier,
     * one recalibration fit per replicate), each skipped alone on a replicate where it is undefined, so the intervals
     * are those each would get bootstrapped alone with the same seed.
     */
    static BinaryEstimates binary(double[] y, double[] p, int resamples, long seed) {
        Bootstrap.Interval[] ci = Bootstrap.stratifiedCis(classes(y), List.of(
            idx -> new double[] {Discrimination.auc(pick(y, idx), pick(p, idx))},
            idx -> new double[] {Brier.score(pick(y, idx), pick(p, idx))},
            idx -> {
                Calibration.Recalibration r = Calibration.recalibration(pick(y, idx), pick(p, idx));
                return new double[] {r.intercept(), r.slope(), r.inTheLarge()};
            }), resamples, seed, 0.95);
        return new BinaryEstimates(estimate(ci[0], true), estimate(ci[1], true), estimate(ci[2], true), estimate(ci[3], true),
            estimate(ci[4], true));
    }

    static Estimate harrellC(double[] time, int[] event, double[] risk, int resamples, long seed) {
        return bootstrap(null, time.length, idx -> Discrimination.harrellC(pick(time, idx), pick(event, idx), pick(risk, idx)).concordance(),
            resamples, seed);
    }

    static double harrellC(double[] time, int[] event, double[] risk) {
        return Discrimination.harrellC(time, event, risk).concordance();
    }

    static int[] classes(double[] y) {
        int[] s = new int[y.length];
        for (int i = 0; i < y.length; i++) s[i] = (int) y[i];
        return s;
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
