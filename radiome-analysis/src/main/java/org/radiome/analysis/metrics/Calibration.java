package org.radiome.analysis.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.regression.LogisticRegression;

/**
 * Calibration of predicted probabilities against a 0/1 response.
 *
 * <p>{@link #bins}: the cases sorted by prediction and cut into groups of (nearly) equal size, for example
 * deciles; per group the mean prediction, the observed share of 1 and the count, as a calibration plot shows
 * them (cases with equal predictions may fall into neighbouring groups).
 *
 * <p>{@link #recalibration}: logistic recalibration on lp = logit(p) (Cox 1958; Steyerberg, Clinical Prediction
 * Models, ch. 15): {@code glm(y ~ lp, binomial)} gives the calibration intercept and slope (slope 1 and
 * intercept 0 when the probabilities are calibrated; slope below 1 when they are too extreme, as after
 * over-fitting), and {@code glm(y ~ offset(lp), binomial)} the calibration-in-the-large intercept (0 when the
 * mean prediction is right). Probabilities of exactly 0 or 1 (a forest can give them) are clipped to
 * [1e-5, 1 - 1e-5], as glmnet clips them for the deviance. Thread-safe.
 */
public final class Calibration {
    static final double CLIP = 1e-5;

    private Calibration() { }

    /** Per group: mean predicted probability, observed share of response 1, number of cases. */
    public record Bins(double[] meanPredicted, double[] observedRate, int[] counts) { }

    /** Calibration intercept and slope of glm(y ~ logit(p)), and the intercept of glm(y ~ offset(logit(p))). */
    public record Recalibration(double intercept, double slope, double inTheLarge) { }

    public static Bins bins(double[] response, double[] probability, int groups) {
        int n = check(response, probability);
        if (groups < 1) throw new IllegalArgumentException("calibration needs at least one group, was " + groups);
        int g = Math.min(groups, n);
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> probability[i]));
        double[] mean = new double[g], observed = new double[g];
        int[] counts = new int[g];
        for (int k = 0; k < g; k++) {
            int from = (int) ((long) k * n / g), to = (int) ((long) (k + 1) * n / g);
            for (int r = from; r < to; r++) {
                mean[k] += probability[order[r]];
                observed[k] += response[order[r]];
            }
            counts[k] = to - from;
            mean[k] /= counts[k];
            observed[k] /= counts[k];
        }
        return new Bins(mean, observed, counts);
    }

    /**
     * @throws AnalysisException when the recalibration model cannot be fitted: one class, all predictions
     *                           equal, or predictions that separate the classes perfectly
     */
    public static Recalibration recalibration(double[] response, double[] probability) {
        int n = check(response, probability);
        double[] lp = new double[n];
        for (int i = 0; i < n; i++) {
            double p = Math.min(Math.max(probability[i], CLIP), 1 - CLIP);
            lp[i] = Math.log(p / (1 - p));
        }
        LogisticRegression fit = LogisticRegression.fit(response, new double[][] {lp}, new String[] {"logit(p)"}, "response");
        return new Recalibration(fit.coef()[0], fit.coef()[1], inTheLarge(response, lp));
    }

    /**
     * The maximum-likelihood a of y ~ Bernoulli(expit(a + lp_i)): the root of sum y_i = sum expit(a + lp_i),
     * strictly increasing in a, by Newton's method safeguarded with bisection (Hipparchus' solvers would
     * do, but the derivative is at hand and the bracket is known).
     */
    static double inTheLarge(double[] y, double[] lp) {
        double observed = 0;
        for (double v : y) observed += v;
        if (observed == 0 || observed == y.length) throw new AnalysisException("calibration needs cases of both classes");
        double lo = -50, hi = 50, a = 0;
        for (int iter = 0; iter < 200; iter++) {
            double f = -observed, df = 0;
            for (double e : lp) {
                double p = 1 / (1 + Math.exp(-(a + e)));
                f += p;
                df += p * (1 - p);
            }
            if (f > 0) hi = a; else lo = a;
            double next = a - f / df;
            if (!(next > lo && next < hi)) next = (lo + hi) / 2;
            if (Math.abs(next - a) <= 1e-14 * Math.max(1, Math.abs(a))) return next;
            a = next;
        }
        return a;
    }

    private static int check(double[] response, double[] probability) {
        if (response.length != probability.length) throw new IllegalArgumentException("response and probability differ in length");
        if (response.length == 0) throw new AnalysisException("calibration needs at least one case");
        for (double y : response) if (y != 0 && y != 1) throw new AnalysisException("the response must be 0 or 1, found " + y);
        for (double p : probability) if (!(p >= 0 && p <= 1)) throw new AnalysisException("a predicted probability " + p + " lies outside [0, 1]");
        return response.length;
    }
}
