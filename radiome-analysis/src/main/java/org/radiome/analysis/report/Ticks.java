package org.radiome.analysis.report;

import java.util.Locale;

/**
 * Axis ticks at "nice numbers" (1, 2 or 5 times a power of ten) after Heckbert, "Nice numbers for graph
 * labels", Graphics Gems (1990): the step is the nice number nearest to range / (target - 1), and the axis
 * runs from the multiple of the step at or below the data minimum to the one at or above its maximum, so the
 * ticks always cover the data. Tick values are computed as integer multiples of the step divided by a power
 * of ten, so 0.3 is 0.3 and not 0.30000000000000004. Immutable and thread-safe.
 */
record Ticks(double[] values, double step, int decimals) {

    /** Ticks covering [min, max] with about {@code target} ticks; a degenerate range is widened around it. */
    static Ticks covering(double min, double max, int target) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("axis range [" + min + ", " + max + "] is not a finite interval");
        }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.5;
            min -= pad;
            max += pad;
        }
        double range = niceNumber(max - min, false);
        double rough = range / Math.max(1, target - 1);
        int exponent = (int) Math.floor(Math.log10(rough));
        double mantissa = niceNumber(rough, true) / Math.pow(10, exponent);
        long m = Math.round(mantissa);
        if (m == 10) { m = 1; exponent++; }
        double step = value(m, exponent);
        long first = (long) Math.floor(min / step + 1e-9), last = (long) Math.ceil(max / step - 1e-9);
        double[] values = new double[(int) (last - first + 1)];
        for (int k = 0; k < values.length; k++) values[k] = value((first + k) * m, exponent);
        return new Ticks(values, step, Math.max(0, -exponent));
    }

    /** k × 10^exponent, divided rather than multiplied for negative exponents so decimals round exactly. */
    private static double value(long k, int exponent) {
        return exponent >= 0 ? k * Math.pow(10, exponent) : k / Math.pow(10, -exponent);
    }

    /** Heckbert's niceNum: 1, 2, 5 or 10 times the power of ten of x (rounded, or the ceiling). */
    static double niceNumber(double x, boolean round) {
        int exponent = (int) Math.floor(Math.log10(x));
        double fraction = x / Math.pow(10, exponent);
        double nice;
        if (round) nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        else nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * Math.pow(10, exponent);
    }

    double lo() { return values[0]; }

    double hi() { return values[values.length - 1]; }

    /** The tick's label with as many decimals as the step needs, a true minus sign and no "-0". */
    String label(double v) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.matches("-0(\\.0*)?")) s = s.substring(1);
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }
}
