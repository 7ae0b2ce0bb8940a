package org.radiome.features.discretisation;

import java.util.Objects;

/**
 * How intensities become grey levels (IBSI 2.7 "Intensity discretisation").
 *
 * @param method     {@link Method#NONE} keeps already-discrete intensities (rounded) as levels
 * @param binWidth   w_b for fixed bin size, in intensity units
 * @param binCount   N_g for fixed bin number
 * @param lowerBound X_min for fixed bin size: the lower bound of the re-segmentation range; null
 *                   means the minimum intensity in the ROI
 */
public record DiscretisationSettings(Method method, double binWidth, int binCount, Double lowerBound) {
    public enum Method { NONE, FIXED_BIN_SIZE, FIXED_BIN_NUMBER }

    public DiscretisationSettings {
        Objects.requireNonNull(method, "method");
        if (method == Method.FIXED_BIN_SIZE && !(binWidth > 0 && Double.isFinite(binWidth))) {
            throw new IllegalArgumentException("discretisation bin_width must be positive, was " + binWidth);
        }
        if (method == Method.FIXED_BIN_NUMBER && binCount < 1) {
            throw new IllegalArgumentException("discretisation bin_count must be >= 1, was " + binCount);
        }
    }

    public static DiscretisationSettings none() { return new DiscretisationSettings(Method.NONE, 0, 0, null); }

    public static DiscretisationSettings fixedBinSize(double width, Double lowerBound) {
        return new DiscretisationSettings(Method.FIXED_BIN_SIZE, width, 0, lowerBound);
    }

    public static DiscretisationSettings fixedBinNumber(int count) {
        return new DiscretisationSettings(Method.FIXED_BIN_NUMBER, 0, count, null);
    }
}
