package org.radiome.analysis.reproducibility;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.Distributions;

/**
 * Intraclass correlations as {@code psych::ICC(x, lmer = FALSE)} (Shrout and Fleiss 1979; McGraw and
 * Wong 1996) for an n subjects x k raters matrix with no missing value: the classical two-way ANOVA mean
 * squares, then ICC1 (one-way random, absolute agreement), ICC2 (two-way random, absolute agreement) and
 * ICC3 (two-way mixed, consistency), single and average measures, each with its F test and psych's 95 %
 * interval (ICC2's from the Satterthwaite-type df). Hand-written: no Java library computes these.
 * Thread-safe.
 */
public record Icc(int subjects, int raters, double msb, double msj, double mse, double msw,
                  Estimate icc1, Estimate icc2, Estimate icc3, Estimate icc1k, Estimate icc2k, Estimate icc3k) {

    /** One ICC with its F test and 95 % interval. */
    public record Estimate(double icc, double f, double df1, double df2, double p, double lower, double upper) { }

    /** {@code x[i][j]}: subject i, rater j. */
    public static Icc of(double[][] x, String feature) {
        int n = x.length, k = x[0].length;
        if (n < 2 || k < 2) throw new AnalysisException(feature + ": an ICC needs at least 2 subjects and 2 repeats, got " + n + " and " + k);
        double grand = 0;
        double[] rowMean = new double[n], colMean = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                rowMean[i] += x[i][j] / k;
                colMean[j] += x[i][j] / n;
                grand += x[i][j];
            }
        }
        grand /= (double) n * k;
        double ssb = 0, ssj = 0, sst = 0;
        for (int i = 0; i < n; i++) ssb += k * (rowMean[i] - grand) * (rowMean[i] - grand);
        for (int j = 0; j < k; j++) ssj += n * (colMean[j] - grand) * (colMean[j] - grand);
        for (double[] row : x) for (double v : row) sst += (v - grand) * (v - grand);
        if (sst == 0) throw new AnalysisException(feature + " is constant; its ICC is undefined");
        double sse = sst - ssb - ssj, ssw = sst - ssb;
        double msb = ssb / (n - 1), msj = ssj / (k - 1), mse = sse / ((n - 1.0) * (k - 1)), msw = ssw / (n * (k - 1.0));
        if (mse <= 0 || msw <= 0) throw new AnalysisException(feature + ": the repeats agree exactly; the ICC's F tests are undefined");

        double icc1 = (msb - msw) / (msb + (k - 1) * msw);
        double icc2 = (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n);
        double icc3 = (msb - mse) / (msb + (k - 1) * mse);
        double icc1k = (msb - msw) / msb, icc2k = (msb - mse) / (msb + (msj - mse) / n), icc3k = (msb - mse) / msb;

        double alpha = 0.05;
        double f11 = msb / msw, df11n = n - 1, df11d = n * (k - 1.0);
        double f21 = msb / mse, df21n = n - 1, df21d = (n - 1.0) * (k - 1);
        double p11 = Distributions.fUpper(f11, df11n, df11d), p21 = Distributions.fUpper(f21, df21n, df21d);

        double f1l = f11 / Distributions.fQuantile(1 - alpha / 2, df11n, df11d);
        double f1u = f11 * Distributions.fQuantile(1 - alpha / 2, df11d, df11n);
        double f3l = f21 / Distributions.fQuantile(1 - alpha / 2, df21n, df21d);
        double f3u = f21 * Distributions.fQuantile(1 - alpha / 2, df21d, df21n);

        double fj = msj / mse;
        double vn = (k - 1.0) * (n - 1) * Math.pow(k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2, 2);
        double vd = (n - 1.0) * k * k * icc2 * icc2 * fj * fj + Math.pow(n * (1 + (k - 1) * icc2) - k * icc2, 2);
        double v = vn / vd;
        double f2u = Distributions.fQuantile(1 - alpha / 2, n - 1, v);
        double f2l = Distributions.fQuantile(1 - alpha / 2, v, n - 1);
        double l2 = n * (msb - f2u * mse) / (f2u * (k * msj + (k * n - k - n) * mse) + n * msb);
        double u2 = n * (f2l * msb - mse) / (k * msj + (k * n - k - n) * mse + n * f2l * msb);

        return new Icc(n, k, msb, msj, mse, msw,
            new Estimate(icc1, f11, df11n, df11d, p11, (f1l - 1) / (f1l + k - 1), (f1u - 1) / (f1u + k - 1)),
            new Estimate(icc2, f21, df21n, df21d, p21, l2, u2),
            new Estimate(icc3, f21, df21n, df21d, p21, (f3l - 1) / (f3l + k - 1), (f3u - 1) / (f3u + k - 1)),
            new Estimate(icc1k, f11, df11n, df11d, p11, 1 - 1 / f1l, 1 - 1 / f1u),
            new Estimate(icc2k, f21, df21n, df21d, p21, l2 * k / (1 + l2 * (k - 1)), u2 * k / (1 + u2 * (k - 1))),
            new Estimate(icc3k, f21, df21n, df21d, p21, 1 - 1 / f3l, 1 - 1 / f3u));
    }
}
