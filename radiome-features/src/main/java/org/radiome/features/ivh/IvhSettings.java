package org.radiome.features.ivh;

import java.util.Objects;

/**
 * Discretisation for the intensity-volume histogram (IBSI section 4.5), which differs from texture
 * discretisation.
 *
 * <ul>
 *   <li>{@link Method#NONE}: discrete calibrated intensities (e.g. HU): the rounded intensities
 *       themselves, w = 1; the total range G is [rangeMin, rangeMax] when given, else the ROI's
 *       minimum and maximum.</li>
 *   <li>{@link Method#FIXED_BIN_SIZE}: continuous calibrated intensities (e.g. SUV): bins of width
 *       {@code binWidth} from {@code rangeMin}, each bin represented by its centre
 *       {@code X_min + (X_d − 0.5) w}; G = [rangeMin + w/2, rangeMax − w/2].</li>
 *   <li>{@link Method#FIXED_BIN_NUMBER}: arbitrary intensity units: {@code binCount} bins over the ROI
 *       minimum and maximum; G = [1, binCount], w = 1.</li>
 * </ul>
 */
public record IvhSettings(Method method, double binWidth, int binCount, Double rangeMin, Double rangeMax) {
    public enum Method { NONE, FIXED_BIN_SIZE, FIXED_BIN_NUMBER }

    public IvhSettings {
        Objects.requireNonNull(method, "method");
        if (method == Method.FIXED_BIN_SIZE && !(binWidth > 0 && Double.isFinite(binWidth))) {
            throw new IllegalArgumentException("ivh bin_width must be positive, was " + binWidth);
        }
        if (method == Method.FIXED_BIN_NUMBER && binCount < 1) {
            throw new IllegalArgumentException("ivh bin_count must be >= 1, was " + binCount);
        }
        if (rangeMin != null && rangeMax != null && !(rangeMin < rangeMax)) {
            throw new IllegalArgumentException("ivh range must have min < max, was [" + rangeMin + ", " + rangeMax + "]");
        }
    }

    public static IvhSettings discrete(Double rangeMin, Double rangeMax) {
        return new IvhSettings(Method.NONE, 1, 0, rangeMin, rangeMax);
    }
}
