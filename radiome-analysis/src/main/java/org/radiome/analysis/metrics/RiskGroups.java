package org.radiome.analysis.metrics;

import java.util.Arrays;

import org.radiome.analysis.AnalysisException;

/**
 * Risk groups from a risk score, for Kaplan-Meier curves by predicted risk: cut points at the quantiles of the
 * score (R's type 7) on the cases the model was built on, then applied unchanged to any cases, so test cases
 * never move the cut points. Group 0 has the lowest risk. Thread-safe.
 */
public final class RiskGroups {
    private RiskGroups() { }

    /** groups - 1 cut points at the k / groups quantiles of the score (the median for 2 groups). */
    public static double[] cutPoints(double[] risk, int groups) {
        if (groups < 2) throw new IllegalArgumentException("risk groups need at least 2 groups, was " + groups);
        if (risk.length < groups) throw new AnalysisException(groups + " risk groups need at least " + groups + " cases, got " + risk.length);
        double[] sorted = risk.clone();
        for (double r : sorted) if (!Double.isFinite(r)) throw new AnalysisException("a risk score is missing or not finite");
        Arrays.sort(sorted);
        double[] cuts = new double[groups - 1];
        for (int k = 1; k < groups; k++) cuts[k - 1] = Bootstrap.quantile(sorted, (double) k / groups);
        return cuts;
    }

    /** The group of each case: the number of cut points strictly below its score (a score on a cut goes below it). */
    public static int[] assign(double[] risk, double[] cutPoints) {
        int[] group = new int[risk.length];
        for (int i = 0; i < risk.length; i++) {
            int g = 0;
            while (g < cutPoints.length && risk[i] > cutPoints[g]) g++;
            group[i] = g;
        }
        return group;
    }
}
