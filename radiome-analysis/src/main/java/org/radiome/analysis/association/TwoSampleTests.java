package org.radiome.analysis.association;

import java.util.Arrays;

import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.TiesStrategy;
import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.Distributions;

/**
 * Two-sample tests as R's {@code wilcox.test} and {@code t.test} compute them. The first sample is the
 * group of interest (for a 0/1 variable, the group coded 1), so a positive statistic means it is larger.
 *
 * <p>Hipparchus has a Mann-Whitney test, but it reports U of the smaller group, without the continuity
 * correction R applies; so the normal approximation is written here, as R writes it. Thread-safe.
 */
public final class TwoSampleTests {
    private TwoSampleTests() { }

    /**
     * {@code wilcox.test(x, y, exact = FALSE, correct = TRUE)}: W = (sum of x's mid-ranks in the pooled
     * sample) - n1 (n1 + 1) / 2; p from the normal approximation with tie-corrected variance and a 0.5
     * continuity correction. The estimate is median(x) - median(y).
     */
    public static TestResult mannWhitney(double[] x, double[] y, String what) {
        requireSizes(x, y, 1, what);
        int n1 = x.length, n2 = y.length, n = n1 + n2;
        double[] pooled = new double[n];
        System.arraycopy(x, 0, pooled, 0, n1);
        System.arraycopy(y, 0, pooled, n1, n2);
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(pooled);
        double rankSum = 0;
        for (int i = 0; i < n1; i++) rankSum += ranks[i];
        double w = rankSum - n1 * (n1 + 1.0) / 2.0;
        double tieSum = 0;
        double[] sorted = pooled.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) j++;
            double t = j - i;
            tieSum += t * t * t - t;
            i = j;
        }
        double sigma = Math.sqrt(n1 * (double) n2 / 12.0 * ((n + 1) - tieSum / ((double) n * (n - 1))));
        if (sigma == 0) throw new AnalysisException(what + ": every value is the same, Mann-Whitney is undefined");
        double z = w - n1 * (double) n2 / 2.0;
        z = (z - Math.signum(z) * 0.5) / sigma;
        return new TestResult(n, w, median(x) - median(y), 0, Distributions.normalTwoSidedP(z));
    }

    /**
     * {@code t.test(x, y, var.equal = FALSE)}: Welch's t with Welch-Satterthwaite df; the estimate is
     * mean(x) - mean(y), with its 95 % t interval.
     */
    public static TestResult welch(double[] x, double[] y, String what) {
        requireSizes(x, y, 2, what);
        double m1 = mean(x), m2 = mean(y);
        double v1 = variance(x, m1) / x.length, v2 = variance(y, m2) / y.length;
        double se2 = v1 + v2;
        if (se2 == 0) throw new AnalysisException(what + ": both groups are constant, the t statistic is undefined");
        double t = (m1 - m2) / Math.sqrt(se2);
        double df = se2 * se2 / (v1 * v1 / (x.length - 1) + v2 * v2 / (y.length - 1));
        double half = Distributions.tQuantile(0.975, df) * Math.sqrt(se2);
        return new TestResult(x.length + y.length, t, m1 - m2, df, Distributions.tTwoSidedP(t, df), m1 - m2 - half, m1 - m2 + half);
    }

    private static void requireSizes(double[] x, double[] y, int min, String what) {
        if (x.length < min || y.length < min) {
            throw new AnalysisException(what + ": each group needs at least " + min + " value" + (min > 1 ? "s" : "")
                + ", got " + x.length + " and " + y.length);
        }
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        double m = s / v.length;
        // second pass, as R's mean() does, for accuracy
        double r = 0;
        for (double d : v) r += d - m;
        return m + r / v.length;
    }

    static double variance(double[] v, double mean) {
        double s = 0;
        for (double d : v) s += (d - mean) * (d - mean);
        return s / (v.length - 1);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
}
