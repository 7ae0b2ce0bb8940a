package org.radiome.analysis.survival;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;
import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.Distributions;

/**
 * The log-rank test as {@code survdiff(Surv(time, event) ~ group)} (rho = 0): observed and expected
 * deaths per group, the hypergeometric variance, and chisq = (O - E)' V^-1 (O - E) over all groups but
 * the first, with df = (groups with expected > 0) - 1. Thread-safe.
 */
public record LogRank(double chisq, int df, double p, double[] observed, double[] expected) {

    /** {@code group[i]} is the index (0..groups-1) of case i's group. */
    public static LogRank test(SurvivalData data, int[] group, int groups) {
        int n = data.size();
        double[] obs = new double[groups], exp = new double[groups];
        double[][] var = new double[groups][groups];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(data.time()[x], data.time()[y]));
        double[] nAt = new double[groups], dAt = new double[groups];
        for (int g : group) nAt[g]++;
        double nt = n;
        for (int k = 0; k < n; ) {
            double t = data.time()[order[k]];
            int j = k;
            java.util.Arrays.fill(dAt, 0);
            double dt = 0;
            while (j < n && data.time()[order[j]] == t) {
                if (data.event()[order[j]]) { dAt[group[order[j]]]++; dt++; }
                j++;
            }
            if (dt > 0) {
                double factor = nt > 1 ? dt * (nt - dt) / (nt - 1) : 0;
                for (int g = 0; g < groups; g++) {
                    obs[g] += dAt[g];
                    exp[g] += dt * nAt[g] / nt;
                    for (int h = 0; h < groups; h++) {
                        var[g][h] += factor * nAt[g] / nt * ((g == h ? 1 : 0) - nAt[h] / nt);
                    }
                }
            }
            for (int i = k; i < j; i++) { nAt[group[order[i]]]--; nt--; }
            k = j;
        }
        int[] used = java.util.stream.IntStream.range(0, groups).filter(g -> exp[g] > 0).toArray();
        int df = used.length - 1;
        if (df < 1) throw new AnalysisException("the log-rank test needs deaths expected in at least two groups");
        double[][] v = new double[df][df];
        double[] diff = new double[df];
        for (int a = 0; a < df; a++) {
            diff[a] = obs[used[a + 1]] - exp[used[a + 1]];
            for (int b = 0; b < df; b++) v[a][b] = var[used[a + 1]][used[b + 1]];
        }
        RealVector d = new ArrayRealVector(diff);
        double chisq = d.dotProduct(new LUDecomposition(new Array2DRowRealMatrix(v)).getSolver().solve(d));
        return new LogRank(chisq, df, Distributions.chiSquaredUpper(chisq, df), obs, exp);
    }
}
