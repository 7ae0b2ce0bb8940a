package org.radiome.features.preprocess;

import java.util.Objects;

/**
 * Resampling of the image and the ROI mask to a new voxel spacing on the IBSI "align grid centers"
 * grid (IBSI 3WE3; see {@link Resampler}).
 *
 * @param spacingX               new spacing along x in mm, or null to keep the x axis as it is
 * @param spacingY               the same along y
 * @param spacingZ               the same along z; null with x and y set is IBSI's in-plane (2D) interpolation
 * @param image                  the image interpolator
 * @param mask                   the ROI mask interpolator: {@link Interpolator#NEAREST} or
 *                               {@link Interpolator#LINEAR} (IBSI: the only two that give meaningful masks)
 * @param partialVolumeThreshold δ: an interpolated mask voxel is in the ROI when its value is ≥ δ (IBSI E8H9)
 */
public record InterpolationSettings(Double spacingX, Double spacingY, Double spacingZ,
                                    Interpolator image, Interpolator mask, double partialVolumeThreshold) {
    public InterpolationSettings {
        checkSpacing("x", spacingX);
        checkSpacing("y", spacingY);
        checkSpacing("z", spacingZ);
        if (spacingX == null && spacingY == null && spacingZ == null) {
            throw new IllegalArgumentException("interpolation spacing must set at least one axis");
        }
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
        if (mask == Interpolator.CUBIC_SPLINE) {
            throw new IllegalArgumentException("interpolation mask must be nearest or linear, was cubic_spline");
        }
        if (!(partialVolumeThreshold > 0 && partialVolumeThreshold <= 1)) {
            throw new IllegalArgumentException("interpolation partial_volume_threshold must lie in (0, 1], was " + partialVolumeThreshold);
        }
    }

    private static void checkSpacing(String axis, Double s) {
        if (s != null && !(s > 0 && Double.isFinite(s))) {
            throw new IllegalArgumentException("interpolation spacing along " + axis + " must be positive, was " + s);
        }
    }

    /** The new spacing per axis (x, y, z); null entries keep the axis. */
    public Double[] spacing() { return new Double[] {spacingX, spacingY, spacingZ}; }
}
