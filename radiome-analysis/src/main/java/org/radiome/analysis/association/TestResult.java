package org.radiome.analysis.association;

/**
 * One univariate test: sample size, test statistic (W, t or S as R reports it), effect estimate and
 * two-sided p-value.
 *
 * @param n        observations used (missing values dropped)
 * @param statistic W (Mann-Whitney), t (Welch, Pearson) or S (Spearman)
 * @param estimate difference of medians (Mann-Whitney), difference of means (Welch), r or rho
 * @param df       degrees of freedom of the t statistic (NaN-free: 0 where there is none)
 * @param p        two-sided p-value
 * @param ciLower  95 % confidence interval of the estimate (Welch: of the mean difference; Pearson: Fisher's z);
 *                 NaN where R gives none (Mann-Whitney without conf.int, Spearman)
 * @param ciUpper  its upper end
 */
public record TestResult(int n, double statistic, double estimate, double df, double p, double ciLower, double ciUpper) {
    /** A result without a confidence interval. */
    public TestResult(int n, double statistic, double estimate, double df, double p) {
        this(n, statistic, estimate, df, p, Double.NaN, Double.NaN);
    }

    public boolean hasInterval() { return !Double.isNaN(ciLower); }
}
