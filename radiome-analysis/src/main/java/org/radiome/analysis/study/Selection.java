package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.association.MultipleTesting;
import org.radiome.analysis.association.TestResult;
import org.radiome.analysis.association.TwoSampleTests;
import org.radiome.analysis.model.LambdaRule;
import org.radiome.analysis.model.LinearModel;
import org.radiome.analysis.model.Outcome;
import org.radiome.analysis.model.PenalisedCox;
import org.radiome.analysis.model.PenalisedLogistic;
import org.radiome.analysis.model.TrainingData;
import org.radiome.analysis.survival.CoxModel;
import org.radiome.analysis.survival.SurvivalData;

/**
 * The three feature-selection steps of the study pipeline, each run on the training cases only:
 * univariate tests with Benjamini-Hochberg q-values, correlation pruning, and the lasso with lambda chosen by
 * an inner cross-validation. Thread-safe (no state).
 */
public final class Selection {
    private Selection() { }

    /**
     * One univariate association with the outcome. Binary: Mann-Whitney (wilcox.test, exact = FALSE, correct =
     * TRUE) of class 1 versus class 0, statistic W, effect the standardised mean difference (mean of class 1
     * minus class 0, over the sample SD). Survival: univariate Cox (Efron ties) of the z-scored feature, statistic
     * the Wald z, effect the log hazard ratio per SD, p the Wald p.
     */
    public record Association(String feature, int n, double statistic, double effect, double p, double q) { }

    /** Univariate tests of every feature ({@code x[f]} over the cases) with BH q-values over all of them. */
    public static List<Association> univariate(Outcome outcome, List<String> features, double[][] x, double[] y, double[] time, int[] event) {
        int g = features.size();
        double[] p = new double[g], stat = new double[g], effect = new double[g];
        int n = x.length == 0 ? 0 : x[0].length;
        for (int f = 0; f < g; f++) {
            String name = features.get(f);
            double sd = sd(x[f]);
            if (sd == 0) { p[f] = 1; continue; } // a constant feature (in this fold) carries no information
            if (outcome == Outcome.BINARY) {
                double[][] split = split(x[f], y);
                TestResult r = TwoSampleTests.mannWhitney(split[1], split[0], name);
                p[f] = r.p();
                stat[f] = r.statistic();
                effect[f] = (mean(split[1]) - mean(split[0])) / sd;
            } else {
                double[] z = new double[n];
                double m = mean(x[f]);
                for (int i = 0; i < n; i++) z[i] = (x[f][i] - m) / sd;
                try {
                    CoxModel cox = CoxModel.fit(survival(time, event), new double[][] {z}, new String[] {name}, CoxModel.Ties.EFRON);
                    effect[f] = cox.coef()[0];
                    stat[f] = cox.coef()[0] / cox.se()[0];
                    p[f] = cox.p(0);
                } catch (AnalysisException e) {
                    p[f] = 1; // no finite estimate (e.g. separation in a small fold): not selected on evidence
                }
            }
        }
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<Association> out = new ArrayList<>();
        for (int f = 0; f < g; f++) out.add(new Association(features.get(f), n, stat[f], effect[f], p[f], q[f]));
        return out;
    }

    /**
     * Features with q at most {@code qMax}; when fewer than {@code fallbackTop}... none pass, the
     * {@code fallbackTop} smallest p-values instead (so the later steps always have candidates). Ordered by p.
     */
    public static List<Association> significant(List<Association> all, double qMax, int fallbackTop) {
        List<Association> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingDouble(Association::p));
        List<Association> pass = sorted.stream().filter(a -> a.q() <= qMax && a.p() < 1).toList();
        if (!pass.isEmpty()) return pass;
        return sorted.subList(0, Math.min(fallbackTop, sorted.size()));
    }

    /**
     * Correlation pruning: going through {@code candidates} from the most significant down, keeps a feature
     * unless its absolute Pearson correlation with an already kept feature exceeds {@code maxAbsR}.
     */
    public static List<String> prune(List<Association> candidates, List<String> features, double[][] x, double maxAbsR) {
        List<String> kept = new ArrayList<>();
        List<double[]> keptValues = new ArrayList<>();
        for (Association a : candidates) {
            double[] v = x[features.indexOf(a.feature())];
            boolean redundant = false;
            for (double[] k : keptValues) redundant |= Math.abs(pearson(v, k)) > maxAbsR;
            if (!redundant) {
                kept.add(a.feature());
                keptValues.add(v);
            }
        }
        return kept;
    }

    /** The lasso's outcome: the lambda path, the chosen lambda and the features with a non-zero coefficient. */
    public record Lasso(double[] lambdas, double lambda, List<String> selected, boolean fallback) { }

    /**
     * The lasso (alpha = 1) as the model package fits it: {@link PenalisedLogistic} or {@link PenalisedCox} with
     * {@code pathLength} lambdas from lambda_max down to lambda_max / 100 (glmnet's path, {@link
     * org.radiome.analysis.model.LambdaPath}), lambda chosen by their inner stratified {@code folds}-fold CV
     * (binomial deviance, or cv.glmnet's grouped Cox partial-likelihood deviance) with the {@code rule} "min" or
     * "1se". {@code x} is feature-major ({@code x[f][case]}). When the chosen lambda selects nothing, the first
     * (most significant) candidate is kept ({@code fallback} true), so the learner always has a feature.
     */
    public static Lasso lasso(Outcome outcome, List<String> names, double[][] x, double[] y, double[] time, int[] event,
                              int pathLength, int folds, String rule, long seed) {
        LambdaRule lambdaRule = rule.equals("1se") ? LambdaRule.ONE_SE : LambdaRule.MIN;
        double[][] rows = Pipeline.rowMajor(x);
        TrainingData data = outcome == Outcome.BINARY ? TrainingData.binary(names, rows, y) : TrainingData.survival(names, rows, time, event);
        double[] lambdas;
        LinearModel fit;
        if (outcome == Outcome.BINARY) {
            PenalisedLogistic lasso = new PenalisedLogistic(1, folds, lambdaRule, pathLength, 0.01);
            lambdas = lasso.lambdaPath(data);
            fit = lasso.fit(data, seed);
        } else {
            PenalisedCox lasso = new PenalisedCox(1, folds, lambdaRule, pathLength, 0.01);
            lambdas = lasso.lambdaPath(data);
            fit = lasso.fit(data, seed);
        }
        List<String> selected = new ArrayList<>(fit.selectedFeatures());
        boolean fallback = selected.isEmpty();
        if (fallback) selected.add(names.get(0));
        return new Lasso(lambdas, fit.lambda(), List.copyOf(selected), fallback);
    }

    static SurvivalData survival(double[] time, int[] event) {
        boolean[] e = new boolean[event.length];
        for (int i = 0; i < e.length; i++) e[i] = event[i] == 1;
        return new SurvivalData(time, e);
    }

    static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = v[rows[i]];
        return out;
    }

    private static double[][] split(double[] v, double[] y) {
        int ones = 0;
        for (double d : y) if (d == 1) ones++;
        double[] a = new double[ones], b = new double[y.length - ones];
        int ia = 0, ib = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) a[ia++] = v[i];
            else b[ib++] = v[i];
        }
        return new double[][] {b, a};
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v), s = 0;
        for (double d : v) s += (d - m) * (d - m);
        return Math.sqrt(s / (v.length - 1));
    }

    static double pearson(double[] a, double[] b) {
        double ma = mean(a), mb = mean(b), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
