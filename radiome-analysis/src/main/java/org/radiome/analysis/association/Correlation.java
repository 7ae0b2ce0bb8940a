package org.radiome.analysis.association;

import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;
import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.Distributions;

/**
 * Correlation tests as R's {@code cor.test}: Pearson (t with n - 2 df) and Spearman with
 * {@code exact = FALSE} (rho is Pearson's r of mid-ranks; S = (n^3 - n)(1 - rho) / 6; p from the t
 * approximation with n - 2 df). R's default Spearman call uses the AS 89 series instead when neither
 * variable has ties and n < 1290; this class always uses the t approximation. Thread-safe.
 */
public final class Correlation {
    private Correlation() { }

    /** {@code cor.test(x, y, method = "pearson")}: statistic t, estimate r, 95 % interval from Fisher's z (n > 3). */
    public static TestResult pearson(double[] x, double[] y, String what) {
        int n = requirePairs(x, y, what);
        double r = r(x, y, what);
        double df = n - 2;
        double t = r * Math.sqrt(df / (1 - r * r));
        double lower = Double.NaN, upper = Double.NaN;
        if (n > 3) { // R gives Fisher's z interval from 4 pairs on
            double z = 0.5 * Math.log((1 + r) / (1 - r)), half = Distributions.normalQuantile(0.975) / Math.sqrt(n - 3.0);
            lower = Math.tanh(z - half);
            upper = Math.tanh(z + half);
        }
        return new TestResult(n, t, r, df, Distributions.tTwoSidedP(t, df), lower, upper);
    }

    /** {@code cor.test(x, y, method = "spearman", exact = FALSE)}: statistic S, estimate rho. */
    public static TestResult spearman(double[] x, double[] y, String what) {
        int n = requirePairs(x, y, what);
        NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        double rho = r(ranking.rank(x), ranking.rank(y), what);
        double s = ((double) n * n * n - n) * (1 - rho) / 6.0;
        double df = n - 2;
        double t = rho / Math.sqrt((1 - rho * rho) / df);
        return new TestResult(n, s, rho, df, Distributions.tTwoSidedP(t, df));
    }

    private static int requirePairs(double[] x, double[] y, String what) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
        if (x.length < 3) throw new AnalysisException(what + ": a correlation test needs at least 3 complete pairs, got " + x.length);
        return x.length;
    }

    /** Pearson's r with centred sums (two-pass). */
    static double r(double[] x, double[] y, String what) {
        double mx = TwoSampleTests.mean(x), my = TwoSampleTests.mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) throw new AnalysisException(what + ": a variable is constant, the correlation is undefined");
        double r = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1, Math.min(1, r));
    }
}
