package org.radiome.analysis.survival;

import java.util.Arrays;

import org.radiome.analysis.Distributions;

/**
 * The Kaplan-Meier estimate as {@code survfit(Surv(time, event) ~ 1, conf.type = "log")} gives it: one row
 * per distinct time (event or censoring), Greenwood's variance, a log-type 95 % interval and the median by
 * survival's quantile rule.
 *
 * <p>{@code stdErrCumHaz} is survfit's {@code std.err}, the standard error of the cumulative hazard
 * -log S(t), sqrt(sum d / (n (n - d))); {@code stdErr} is the standard error of S(t) itself
 * ({@code std.err.surv}, what {@code summary(survfit)} prints), S(t) times that. Once S(t) reaches 0 the
 * standard errors and the interval are undefined (R gives NA): they are NaN here, and callers report them
 * as absent. Thread-safe.
 *
 * @param median      first time S(t) <= 0.5 (midpoint of a flat exactly at 0.5); NaN when not reached
 * @param medianLower the same on the lower confidence curve
 * @param medianUpper the same on the upper confidence curve
 */
public record KaplanMeier(double[] time, int[] nRisk, int[] nEvent, int[] nCensor, double[] surv, double[] stdErr,
                          double[] stdErrCumHaz, double[] lower, double[] upper, int n, int events,
                          double median, double medianLower, double medianUpper) {

    /** survival's default tolerance for a flat exactly at the quantile, sqrt(.Machine$double.eps). */
    private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    public static KaplanMeier fit(SurvivalData data) {
        int n = data.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(data.time()[a], data.time()[b]));
        double[] times = new double[n];
        int[] risk = new int[n], ev = new int[n], cens = new int[n];
        int m = 0;
        for (int k = 0; k < n; ) {
            double t = data.time()[order[k]];
            int d = 0, c = 0, j = k;
            while (j < n && data.time()[order[j]] == t) {
                if (data.event()[order[j]]) d++;
                else c++;
                j++;
            }
            times[m] = t;
            risk[m] = n - k;
            ev[m] = d;
            cens[m] = c;
            m++;
            k = j;
        }
        double z = Distributions.normalQuantile(0.975);
        double[] surv = new double[m], se = new double[m], seSurv = new double[m], lo = new double[m], hi = new double[m];
        double s = 1, greenwood = 0;
        int events = 0;
        for (int i = 0; i < m; i++) {
            int r = risk[i], d = ev[i];
            events += d;
            s *= 1 - (double) d / r;
            greenwood += r == d ? Double.POSITIVE_INFINITY : d / ((double) r * (r - d));
            surv[i] = s;
            if (s == 0) {
                se[i] = seSurv[i] = lo[i] = hi[i] = Double.NaN;
            } else {
                se[i] = Math.sqrt(greenwood);
                seSurv[i] = s * se[i];
                lo[i] = Math.exp(Math.log(s) - z * se[i]);
                hi[i] = Math.min(1, Math.exp(Math.log(s) + z * se[i]));
            }
        }
        double[] t = Arrays.copyOf(times, m);
        return new KaplanMeier(t, Arrays.copyOf(risk, m), Arrays.copyOf(ev, m), Arrays.copyOf(cens, m), surv, seSurv, se, lo, hi,
            n, events, quantile(t, surv, 0.5), quantile(t, lo, 0.5), quantile(t, hi, 0.5));
    }

    /**
     * survival's {@code findq} on the curve {@code (0, 1 - s)} over {@code (0, time)}: the first time the
     * cumulative distribution reaches p; where it is flat at p within the tolerance, the midpoint of the
     * flat's start and the next jump (or the last time, at the end of the curve). NaN when never reached.
     */
    static double quantile(double[] time, double[] s, double p) {
        int m = time.length;
        double[] x = new double[m + 1], y = new double[m + 1];
        int n = 0;
        x[n] = 0;
        y[n++] = 0;
        double last = time[m - 1];
        java.util.Set<Double> seen = new java.util.HashSet<>();
        seen.add(0.0);
        for (int i = 0; i < m; i++) {
            if (Double.isNaN(s[i])) continue;
            double v = 1 - s[i];
            if (!seen.add(v)) continue; // duplicated y (censorings): keep the first, as R's duplicated()
            x[n] = time[i];
            y[n++] = v;
        }
        int i1 = firstAtLeast(y, n, p, TOLERANCE), i2 = firstAtLeast(y, n, p, -TOLERANCE);
        if (i1 < 0) return Double.NaN;
        if (Math.abs(p - y[n - 1]) < TOLERANCE) return (x[i1] + last) / 2;
        if (i2 < 0) return Double.NaN;
        return (x[i1] + x[i2]) / 2;
    }

    /** The first index j with y[j] + shift >= p (approx(y + shift, 1:n, p, "constant", f = 1)). */
    private static int firstAtLeast(double[] y, int n, double p, double shift) {
        for (int j = 0; j < n; j++) if (y[j] + shift >= p) return j;
        return -1;
    }
}
