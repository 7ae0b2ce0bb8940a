package org.radiome.features.preprocess;

import java.util.Locale;

/** How values between grid points are interpolated (IBSI "Interpolation", VTM2). */
public enum Interpolator {
    /** The value of the nearest original voxel. */
    NEAREST("nearest"),
    /** Linear along each resampled axis: bilinear in-plane, trilinear in 3D. */
    LINEAR("linear"),
    /** Cubic B-spline through the samples (prefiltered, so it interpolates): bicubic or tricubic spline. */
    CUBIC_SPLINE("cubic_spline");

    private final String key;

    Interpolator(String key) { this.key = key; }

    /** The name in settings files. */
    public String key() { return key; }

    public static Interpolator parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Interpolator i : values()) if (i.key.equals(t)) return i;
        throw new IllegalArgumentException("'" + text + "' is not one of nearest, linear, cubic_spline");
    }
}
