package org.radiome.features.preprocess;

/**
 * Cubic B-spline interpolation prefilter: turns samples into the coefficients of the cubic B-spline that
 * passes through them, with mirror (whole-sample symmetric) boundary conditions. The recursive filter
 * with pole z = √3 − 2 and its exact causal initialisation follow Unser, "Splines: a perfect fit for
 * signal and image processing" (IEEE Signal Process. Mag. 16(6), 1999) and Thévenaz, Blu, Unser,
 * "Interpolation revisited" (IEEE Trans. Med. Imaging 19(7), 2000).
 */
final class BSpline {
    private static final double POLE = Math.sqrt(3.0) - 2.0;
    /** Terms z^k below this are dropped from the causal initialisation (double precision). */
    private static final int HORIZON = (int) Math.ceil(Math.log(1e-17) / Math.log(Math.abs(POLE)));

    private BSpline() {}

    /** Replaces {@code c[0..n)} (samples) by cubic B-spline coefficients, in place. */
    static void toCoefficients(double[] c, int n) {
        if (n < 2) return;
        final double z = POLE;
        final double gain = (1.0 - z) * (1.0 - 1.0 / z); // 6 for the cubic spline
        for (int k = 0; k < n; k++) c[k] *= gain;
        c[0] = initialCausal(c, n, z);
        for (int k = 1; k < n; k++) c[k] += z * c[k - 1];
        c[n - 1] = (z / (z * z - 1.0)) * (z * c[n - 2] + c[n - 1]);
        for (int k = n - 2; k >= 0; k--) c[k] = z * (c[k + 1] - c[k]);
    }

    /** c⁺(0) for the mirror-extended signal. */
    private static double initialCausal(double[] c, int n, double z) {
        if (n > HORIZON) {
            double zn = z, sum = c[0];
            for (int k = 1; k < HORIZON; k++) {
                sum += zn * c[k];
                zn *= z;
            }
            return sum;
        }
        double zn = z, iz = 1.0 / z, z2n = Math.pow(z, n - 1);
        double sum = c[0] + z2n * c[n - 1];
        z2n *= z2n * iz;
        for (int k = 1; k <= n - 2; k++) {
            sum += (zn + z2n) * c[k];
            zn *= z;
            z2n *= iz;
        }
        return sum / (1.0 - zn * zn);
    }
}
