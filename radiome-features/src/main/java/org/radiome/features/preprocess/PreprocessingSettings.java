package org.radiome.features.preprocess;

import java.util.Objects;

/**
 * The IBSI image-processing chain before feature computation (IBSI chapter "Image processing"), in
 * the order it runs: rounding of the input intensities, interpolation, re-segmentation. Discretisation
 * follows later, per family (see {@link org.radiome.features.discretisation.DiscretisationSettings}).
 *
 * @param roundIntensities the intensities are integers (CT in HU): round the input image to the nearest
 *                         integer (IBSI, for the NIfTI copy of the lung phantom) and the interpolated
 *                         image too (IBSI 68QD)
 * @param interpolation    resampling, or null to stay on the native grid
 * @param resegmentation   re-segmentation of the intensity mask ({@link ResegmentationSettings#none()}
 *                         for none)
 * @param diagnostics      add the IBSI diagnostic features (image and ROI after each step) to the table
 */
public record PreprocessingSettings(boolean roundIntensities, InterpolationSettings interpolation,
                                    ResegmentationSettings resegmentation, boolean diagnostics) {
    public PreprocessingSettings {
        Objects.requireNonNull(resegmentation, "resegmentation");
    }

    /** No processing: the image and mask are used as read, and no diagnostics are added. */
    public static PreprocessingSettings none() {
        return new PreprocessingSettings(false, null, ResegmentationSettings.none(), false);
    }

    /** True when the chain leaves image and mask unchanged. */
    public boolean isIdentity() {
        return !roundIntensities && interpolation == null && resegmentation.isNone();
    }
}
