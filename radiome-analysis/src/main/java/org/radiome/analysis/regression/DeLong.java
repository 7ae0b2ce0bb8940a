package org.radiome.analysis.regression;

import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;
import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.Distributions;

/**
 * The area under the ROC curve with DeLong's variance, as pROC's {@code roc(direction = "<")},
 * {@code ci.auc(method = "delong")}, {@code var(method = "delong")} and paired
 * {@code roc.test(method = "delong")} (DeLong, DeLong and Clarke-Pearson 1988).
 *
 * <p>Placement values come from mid-ranks (Sun and Xu 2014), O(n log n): a case's placement is the
 * share of controls below it (ties count one half), a control's the share of cases above it. Hipparchus
 * has no ROC analysis, hence this class. Thread-safe.
 */
public final class DeLong {
    private DeLong() { }

    /** AUC with its DeLong variance and 95 % interval (clipped to [0, 1]). */
    public record Auc(double auc, double variance, double lower, double upper) { }

    /** The paired comparison of two scores on the same cases. */
    public record Comparison(Auc a, Auc b, double z, double p, double diffLower, double diffUpper) { }

    private record Placements(double auc, double[] cases, double[] controls) { }

    /** {@code response} 0 (control) / 1 (case); larger scores mean case. */
    public static Auc auc(double[] response, double[] score) {
        Placements v = placements(response, score);
        double var = variance(v.cases, v.auc, v.cases, v.auc) / v.cases.length
            + variance(v.controls, v.auc, v.controls, v.auc) / v.controls.length;
        return interval(v.auc, var);
    }

    public static Comparison compare(double[] response, double[] scoreA, double[] scoreB) {
        Placements a = placements(response, scoreA), b = placements(response, scoreB);
        int m = a.cases.length, n = a.controls.length;
        double varA = variance(a.cases, a.auc, a.cases, a.auc) / m + variance(a.controls, a.auc, a.controls, a.auc) / n;
        double varB = variance(b.cases, b.auc, b.cases, b.auc) / m + variance(b.controls, b.auc, b.controls, b.auc) / n;
        double cov = variance(a.cases, a.auc, b.cases, b.auc) / m + variance(a.controls, a.auc, b.controls, b.auc) / n;
        double sd = Math.sqrt(varA + varB - 2 * cov);
        if (!(sd > 0)) throw new AnalysisException("the two scores rank the cases identically: the DeLong test is undefined");
        double diff = a.auc - b.auc, z = diff / sd, q = Distributions.normalQuantile(0.975);
        return new Comparison(interval(a.auc, varA), interval(b.auc, varB), z, Distributions.normalTwoSidedP(z),
            diff - q * sd, diff + q * sd);
    }

    private static Auc interval(double auc, double var) {
        double half = Distributions.normalQuantile(0.975) * Math.sqrt(var);
        return new Auc(auc, var, Math.max(0, auc - half), Math.min(1, auc + half));
    }

    private static Placements placements(double[] response, double[] score) {
        int n = response.length, m = 0;
        for (double r : response) {
            if (r == 1) m++;
            else if (r != 0) throw new AnalysisException("the response must be 0 or 1, found " + r);
        }
        int controls = n - m;
        if (m < 2 || controls < 2) throw new AnalysisException("DeLong's variance needs at least 2 cases and 2 controls, got " + m + " and " + controls);
        double[] caseScores = new double[m], controlScores = new double[controls];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (response[i] == 1) caseScores[a++] = score[i];
            else controlScores[b++] = score[i];
        }
        NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        double[] all = new double[n];
        System.arraycopy(caseScores, 0, all, 0, m);
        System.arraycopy(controlScores, 0, all, m, controls);
        double[] rAll = ranking.rank(all), rCases = ranking.rank(caseScores), rControls = ranking.rank(controlScores);
        double[] v10 = new double[m], v01 = new double[controls];
        double auc = 0;
        for (int i = 0; i < m; i++) {
            v10[i] = (rAll[i] - rCases[i]) / controls;
            auc += v10[i];
        }
        auc /= m;
        for (int j = 0; j < controls; j++) v01[j] = 1 - (rAll[m + j] - rControls[j]) / m;
        return new Placements(auc, v10, v01);
    }

    /** Sample covariance (n - 1) of two placement vectors about their means (the AUCs). */
    private static double variance(double[] x, double mx, double[] y, double my) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (x[i] - mx) * (y[i] - my);
        return s / (x.length - 1);
    }
}
