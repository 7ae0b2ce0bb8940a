package org.radiome.features.preprocess;

/**
 * Re-segmentation of the ROI intensity mask (IBSI IF9H). Both criteria may be combined; a voxel then
 * has to satisfy both (the intersection of the two intensity ranges).
 *
 * @param lower        range re-segmentation (IBSI USB3): keep intensities ≥ lower; null: no lower bound
 * @param upper        keep intensities ≤ upper; null: no upper bound
 * @param outlierSigma intensity outlier filtering (IBSI 7ACA): keep intensities within μ ± outlierSigma·σ,
 *                     μ and σ being the mean and (population) standard deviation of the ROI before
 *                     re-segmentation; null: no outlier filtering
 */
public record ResegmentationSettings(Double lower, Double upper, Double outlierSigma) {
    public ResegmentationSettings {
        if (lower != null && !Double.isFinite(lower)) throw new IllegalArgumentException("resegmentation range must be finite, was " + lower);
        if (upper != null && !Double.isFinite(upper)) throw new IllegalArgumentException("resegmentation range must be finite, was " + upper);
        if (lower != null && upper != null && !(lower <= upper)) {
            throw new IllegalArgumentException("resegmentation range must have min <= max, was [" + lower + ", " + upper + "]");
        }
        if (outlierSigma != null && !(outlierSigma > 0 && Double.isFinite(outlierSigma))) {
            throw new IllegalArgumentException("resegmentation outlier_sigma must be positive, was " + outlierSigma);
        }
    }

    /** No re-segmentation: the intensity mask equals the morphological mask. */
    public static ResegmentationSettings none() { return new ResegmentationSettings(null, null, null); }

    public boolean isNone() { return lower == null && upper == null && outlierSigma == null; }
}
