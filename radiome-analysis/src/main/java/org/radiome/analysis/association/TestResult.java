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
 */
public record TestResult(int n, double statistic, double estimate, double df, double p) { }
