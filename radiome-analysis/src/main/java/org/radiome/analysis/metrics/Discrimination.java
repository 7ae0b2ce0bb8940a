package org.radiome.analysis.metrics;

import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;
import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.regression.DeLong;
import org.radiome.analysis.survival.Concordance;
import org.radiome.analysis.survival.SurvivalData;

/**
 * How well scores rank the cases: the area under the ROC curve for a 0/1 response and Harrell's C for a
 * right-censored survival time. Thread-safe (no state).
 */
public final class Discrimination {
    private Discrimination() { }

    /** AUC with DeLong's variance and 95 % interval, clipped to [0, 1], as pROC's {@code ci.auc(method = "delong")}. */
    public record Auc(double auc, double variance, double lower, double upper) { }

    /**
     * The AUC as the Mann-Whitney estimate, P(score of a case > score of a control) + P(tie) / 2, from
     * mid-ranks: (R_1 - n_1 (n_1 + 1) / 2) / (n_1 n_0), R_1 the rank sum of the cases (response 1). Larger
     * scores mean response 1 (pROC's {@code direction = "<"}).
     */
    public static double auc(double[] response, double[] score) {
        int n = check(response, score);
        int cases = 0;
        for (double r : response) if (r == 1) cases++;
        int controls = n - cases;
        if (cases == 0 || controls == 0) throw new AnalysisException("the AUC needs cases of both classes, got " + cases + " with response 1 and " + controls + " with 0");
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(score);
        double rankSum = 0;
        for (int i = 0; i < n; i++) if (response[i] == 1) rankSum += ranks[i];
        return (rankSum - cases * (cases + 1.0) / 2) / ((double) cases * controls);
    }

    /** The AUC with DeLong's 95 % interval ({@link DeLong}); needs at least two cases of each class. */
    public static Auc aucWithCi(double[] response, double[] score) {
        check(response, score);
        DeLong.Auc a = DeLong.auc(response, score);
        return new Auc(a.auc(), a.variance(), a.lower(), a.upper());
    }

    /**
     * Harrell's C of a risk score (larger = earlier event), as {@code survival::concordance(..., reverse = TRUE)};
     * the record also carries the pair counts and the infinitesimal-jackknife variance ({@link Concordance}).
     */
    public static Concordance harrellC(double[] time, int[] event, double[] risk) {
        if (time.length != event.length || time.length != risk.length) throw new IllegalArgumentException("time, event and risk differ in length");
        double[] e = new double[event.length];
        for (int i = 0; i < e.length; i++) e[i] = event[i];
        for (double r : risk) if (!Double.isFinite(r)) throw new AnalysisException("a risk score is missing or not finite");
        return Concordance.of(SurvivalData.of(time, e, "event"), risk);
    }

    private static int check(double[] response, double[] score) {
        if (response.length != score.length) throw new IllegalArgumentException("response and score differ in length");
        for (double r : response) if (r != 0 && r != 1) throw new AnalysisException("the response must be 0 or 1, found " + r);
        for (double s : score) if (!Double.isFinite(s)) throw new AnalysisException("a score is missing or not finite");
        return response.length;
    }
}
