package org.radiome.features.preprocess;

import java.util.Objects;

import org.radiome.features.FeatureSet;
import org.radiome.features.RoiImage;
import org.radiome.image.Mask;
import org.radiome.image.Volume;

/**
 * Runs the IBSI image-processing chain on an image and its ROI mask (same grid):
 * <ol>
 *   <li>rounding of the input intensities to the nearest integer, if asked for (IBSI: images stored as
 *       NIfTI are converted to floating point and rounded before processing);</li>
 *   <li>interpolation of the image (then rounding again, IBSI 68QD) and of the mask (then the
 *       partial-volume threshold), see {@link Resampler};</li>
 *   <li>re-segmentation of the intensity mask, see {@link Resegmenter}; the morphological mask is the
 *       interpolated ROI.</li>
 * </ol>
 * The diagnostic features of every stage are collected on the way. Discretisation comes later, in the
 * feature families. Stateless and thread-safe.
 */
public final class Preprocessor {
    private Preprocessor() {}

    /** The processed image, its two masks and the diagnostics ({@link PreprocessingSettings#diagnostics()}, else empty). */
    public record Result(Volume image, Mask morphologicalMask, Mask intensityMask, FeatureSet diagnostics) {
        public Result {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(morphologicalMask, "morphologicalMask");
            Objects.requireNonNull(intensityMask, "intensityMask");
            Objects.requireNonNull(diagnostics, "diagnostics");
        }

        /**
         * The input of the feature families.
         *
         * @throws IllegalArgumentException if the intensity mask is empty
         */
        public RoiImage roi() { return RoiImage.of(image, morphologicalMask, intensityMask); }
    }

    public static Result run(Volume image, Mask roi, PreprocessingSettings settings) {
        String diff = image.grid().describeDifference(roi.grid());
        if (diff != null) throw new IllegalArgumentException("mask grid does not match image grid: " + diff);
        boolean diagnose = settings.diagnostics();
        FeatureSet diagnostics = new FeatureSet();

        Volume current = settings.roundIntensities() ? rounded(image) : image;
        if (diagnose) {
            Diagnostics.image(diagnostics, current, "init_img");
            Diagnostics.roi(diagnostics, current, roi, roi, "init_roi");
        }

        Mask morphological = roi;
        InterpolationSettings interpolation = settings.interpolation();
        if (interpolation != null) {
            current = Resampler.resample(current, interpolation, settings.roundIntensities());
            morphological = Resampler.resample(roi, interpolation);
        }
        if (diagnose) {
            Diagnostics.image(diagnostics, current, "interp_img");
            Diagnostics.roi(diagnostics, current, morphological, morphological, "interp_roi");
        }

        Mask intensity = Resegmenter.intensityMask(current, morphological, settings.resegmentation());
        if (diagnose) Diagnostics.roi(diagnostics, current, morphological, intensity, "reseg_roi");
        return new Result(current, morphological, intensity, diagnostics);
    }

    /** The image with every intensity rounded to the nearest integer (ties to even). */
    static Volume rounded(Volume image) {
        float[] v = image.voxels();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) Math.rint(v[i]);
        return new Volume(image.grid(), out);
    }
}
