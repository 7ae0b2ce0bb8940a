package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.association.MultipleTesting;
import org.radiome.analysis.association.TestResult;
import org.radiome.analysis.association.TwoSampleTests;
import org.radiome.analysis.model.Outcome;
import org.radiome.analysis.penalized.Glmnet;
import org.radiome.analysis.penalized.GlmnetCv;
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
     * Lasso (glmnet, alpha = 1, standardize = TRUE) over {@code pathLength} lambdas from lambda_max (the smallest
     * lambda at which every coefficient is zero) down to lambda_max / 100, log-spaced; lambda chosen by an inner
     * stratified {@code folds}-fold CV (binomial deviance, or the Cox partial-likelihood deviance as cv.glmnet's
     * grouped measure) with the {@code rule} "min" or "1se". When the chosen lambda selects nothing, the
     * most significant candidate is kept ({@code fallback} true), so the learner always has a feature.
     */
    public static Lasso lasso(Outcome outcome, List<String> names, double[][] x, double[] y, double[] time, int[] event,
                              int pathLength, int folds, String rule, long seed) {
        int n = x[0].length;
        double[] lambdas = path(outcome, x, y, time, event, pathLength);
        int[] stratum = new int[n];
        for (int i = 0; i < n; i++) stratum[i] = outcome == Outcome.BINARY ? (int) y[i] : event[i];
        int[] fold = Folds.stratified(stratum, folds, seed);
        double[] cvm, cvsd;
        if (outcome == Outcome.BINARY) {
            int[] foldId = new int[n];
            for (int i = 0; i < n; i++) foldId[i] = fold[i] + 1;
            GlmnetCv.Result cv = GlmnetCv.run(Glmnet.Family.BINOMIAL, x, y, 1, lambdas, foldId);
            cvm = cv.cvm();
            cvsd = cv.cvsd();
        } else {
            double[][] cv = coxCv(x, time, event, lambdas, fold, folds);
            cvm = cv[0];
            cvsd = cv[1];
        }
        int best = 0;
        for (int l = 1; l < lambdas.length; l++) if (cvm[l] < cvm[best]) best = l;
        int chosen = best;
        if (rule.equals("1se")) {
            for (int l = 0; l < lambdas.length; l++) {
                if (cvm[l] <= cvm[best] + cvsd[best] && lambdas[l] > lambdas[chosen]) chosen = l;
            }
        }
        Glmnet.Fit fit = Glmnet.fit(outcome == Outcome.BINARY ? Glmnet.Family.BINOMIAL : Glmnet.Family.COX, x, y,
            outcome == Outcome.BINARY ? null : survival(time, event), 1, new double[] {lambdas[chosen]}).get(0);
        List<String> selected = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) if (fit.beta()[j] != 0) selected.add(names.get(j));
        boolean fallback = selected.isEmpty();
        if (fallback) selected.add(names.get(0));
        return new Lasso(lambdas, lambdas[chosen], List.copyOf(selected), fallback);
    }

    static double[] path(Outcome outcome, double[][] x, double[] y, double[] time, int[] event, int length) {
        int p = x.length, n = x[0].length;
        double[] grad = new double[p];
        if (outcome == Outcome.BINARY) {
            double ybar = mean(y);
            for (int j = 0; j < p; j++) {
                double m = mean(x[j]), s = popSd(x[j]);
                if (s == 0) continue;
                double g = 0;
                for (int i = 0; i < n; i++) g += (x[j][i] - m) / s * (y[i] - ybar);
                grad[j] = g / n;
            }
        } else {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) boxed[i] = i;
            Arrays.sort(boxed, (a, b) -> Double.compare(time[b], time[a]));
            for (int j = 0; j < p; j++) {
                double m = mean(x[j]), s = popSd(x[j]);
                if (s == 0) continue;
                // Breslow score at beta = 0: sum over deaths of (x_i - mean of x over the risk set)
                double sum = 0, g = 0;
                int count = 0;
                for (int a = 0; a < n; ) {
                    int b = a;
                    while (b < n && time[boxed[b]] == time[boxed[a]]) { sum += (x[j][boxed[b]] - m) / s; count++; b++; }
                    for (int c = a; c < b; c++) if (event[boxed[c]] == 1) g += (x[j][boxed[c]] - m) / s - sum / count;
                    a = b;
                }
                grad[j] = g / n;
            }
        }
        double max = 0;
        for (double g : grad) max = Math.max(max, Math.abs(g));
        if (max == 0) throw new StudyException("the lasso has no feature with any association with the outcome in a training fold");
        double[] lambdas = new double[length];
        for (int k = 0; k < length; k++) lambdas[k] = max * Math.pow(0.01, k / (length - 1.0));
        return lambdas;
    }

    /** cv.glmnet's grouped Cox deviance: per fold, -2 (pl_all(b_-k) - pl_train(b_-k)) / events_k, weighted by events_k. */
    static double[][] coxCv(double[][] x, double[] time, int[] event, double[] lambdas, int[] fold, int folds) {
        int n = time.length, m = lambdas.length;
        double[][] raw = new double[folds][m];
        double[] weight = new double[folds];
        for (int k = 0; k < folds; k++) {
            int[] train = Folds.members(fold, k, false);
            double[][] xt = new double[x.length][];
            for (int j = 0; j < x.length; j++) xt[j] = pick(x[j], train);
            double[] tt = pick(time, train);
            int[] et = new int[train.length];
            for (int i = 0; i < train.length; i++) et[i] = event[train[i]];
            for (int i = 0; i < n; i++) if (fold[i] == k) weight[k] += event[i];
            List<Glmnet.Fit> fits = Glmnet.fit(Glmnet.Family.COX, xt, null, survival(tt, et), 1, lambdas);
            for (int l = 0; l < m; l++) {
                double[] beta = fits.get(l).beta();
                double plAll = breslowLogLik(linear(x, beta), time, event);
                double plTrain = breslowLogLik(linear(xt, beta), tt, et);
                raw[k][l] = -2 * (plAll - plTrain) / Math.max(weight[k], 1);
            }
        }
        double sw = 0;
        for (double w : weight) sw += w;
        double[] cvm = new double[m], cvsd = new double[m];
        for (int l = 0; l < m; l++) {
            double mean = 0;
            for (int k = 0; k < folds; k++) mean += weight[k] * raw[k][l] / sw;
            double ss = 0;
            for (int k = 0; k < folds; k++) ss += weight[k] * (raw[k][l] - mean) * (raw[k][l] - mean);
            cvm[l] = mean;
            cvsd[l] = Math.sqrt(ss / sw / (folds - 1));
        }
        return new double[][] {cvm, cvsd};
    }

    /** Breslow partial log-likelihood of linear predictor {@code eta}. */
    static double breslowLogLik(double[] eta, double[] time, int[] event) {
        int n = eta.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) boxed[i] = i;
        Arrays.sort(boxed, (a, b) -> Double.compare(time[b], time[a]));
        double max = Double.NEGATIVE_INFINITY;
        for (double e : eta) max = Math.max(max, e);
        double risk = 0, ll = 0;
        for (int a = 0; a < n; ) {
            int b = a;
            while (b < n && time[boxed[b]] == time[boxed[a]]) { risk += Math.exp(eta[boxed[b]] - max); b++; }
            for (int c = a; c < b; c++) if (event[boxed[c]] == 1) ll += eta[boxed[c]] - max - Math.log(risk);
            a = b;
        }
        return ll;
    }

    static double[] linear(double[][] x, double[] beta) {
        int n = x[0].length;
        double[] eta = new double[n];
        for (int j = 0; j < x.length; j++) {
            if (beta[j] == 0) continue;
            for (int i = 0; i < n; i++) eta[i] += beta[j] * x[j][i];
        }
        return eta;
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

    private static double popSd(double[] v) {
        double m = mean(v), s = 0;
        for (double d : v) s += (d - m) * (d - m);
        return Math.sqrt(s / v.length);
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
