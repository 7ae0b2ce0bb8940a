package org.radiome.analysis;

import org.hipparchus.distribution.continuous.FDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * Tail probabilities and quantiles as R computes them, through Hipparchus' special functions.
 *
 * <p>Upper tails are computed directly (regularised incomplete gamma and beta, complementary error
 * function) rather than as {@code 1 - cdf}, which would lose all relative precision for p-values below
 * about 1e-10; R does the same ({@code lower.tail = FALSE}). Stateless and thread-safe.
 */
public final class Distributions {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private Distributions() { }

    /** Two-sided normal p-value, {@code 2 * pnorm(-|z|)}. */
    public static double normalTwoSidedP(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** {@code pnorm(x)} */
    public static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    /** {@code qnorm(p)} */
    public static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** Two-sided t p-value, {@code 2 * pt(-|t|, df)}. */
    public static double tTwoSidedP(double t, double df) {
        if (Double.isInfinite(t)) return 0;
        return Beta.regularizedBeta(df / (df + t * t), 0.5 * df, 0.5, 1e-16, Integer.MAX_VALUE);
    }

    /** {@code qt(p, df)} for p in (0, 1), found by bisection-safeguarded Newton on the accurate cdf. */
    public static double tQuantile(double p, double df) {
        return new org.hipparchus.distribution.continuous.TDistribution(df, 1e-15).inverseCumulativeProbability(p);
    }

    /** Upper chi-squared tail, {@code pchisq(x, df, lower.tail = FALSE)}. */
    public static double chiSquaredUpper(double x, double df) {
        if (x <= 0) return 1;
        return Gamma.regularizedGammaQ(0.5 * df, 0.5 * x, 1e-16, Integer.MAX_VALUE);
    }

    /** Upper F tail, {@code pf(f, df1, df2, lower.tail = FALSE)}. */
    public static double fUpper(double f, double df1, double df2) {
        if (f <= 0) return 1;
        return Beta.regularizedBeta(df2 / (df2 + df1 * f), 0.5 * df2, 0.5 * df1, 1e-16, Integer.MAX_VALUE);
    }

    /** {@code qf(p, df1, df2)} */
    public static double fQuantile(double p, double df1, double df2) {
        return new FDistribution(df1, df2, 1e-15).inverseCumulativeProbability(p);
    }
}
