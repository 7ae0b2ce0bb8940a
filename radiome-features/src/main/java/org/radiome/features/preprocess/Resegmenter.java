package org.radiome.features.preprocess;

import org.radiome.image.Mask;
import org.radiome.image.Volume;

/**
 * Re-segmentation (IBSI IF9H): the intensity mask is the ROI without the voxels whose intensity lies
 * outside the re-segmentation range (IBSI USB3) or outside μ ± kσ (IBSI 7ACA). The morphological mask
 * is the ROI itself and is not touched here.
 *
 * <p>μ and σ are the mean and the population standard deviation (divisor N) of the intensities of the
 * whole ROI, before any re-segmentation; combining both criteria keeps the intersection of their
 * ranges, as IBSI says.
 *
 * <p>Stateless and thread-safe.
 */
public final class Resegmenter {
    private Resegmenter() {}

    /** The intensity mask of {@code roi} on {@code image} (same grid) under {@code settings}. */
    public static Mask intensityMask(Volume image, Mask roi, ResegmentationSettings settings) {
        if (settings.isNone()) return roi;
        double[] range = range(image, roi, settings);
        double lo = range[0], hi = range[1];
        float[] v = image.voxels();
        boolean[] in = roi.inside();
        boolean[] out = new boolean[in.length];
        for (int i = 0; i < in.length; i++) {
            if (!in[i]) continue;
            double x = v[i];
            out[i] = x >= lo && x <= hi;
        }
        return new Mask(roi.grid(), out);
    }

    /** The combined intensity range [lower, upper] kept by {@code settings}; infinite where open. */
    public static double[] range(Volume image, Mask roi, ResegmentationSettings settings) {
        double lo = settings.lower() != null ? settings.lower() : Double.NEGATIVE_INFINITY;
        double hi = settings.upper() != null ? settings.upper() : Double.POSITIVE_INFINITY;
        if (settings.outlierSigma() != null) {
            float[] v = image.voxels();
            boolean[] in = roi.inside();
            long n = 0;
            double sum = 0;
            for (int i = 0; i < in.length; i++) {
                if (!in[i]) continue;
                sum += v[i];
                n++;
            }
            if (n > 0) {
                double mean = sum / n, ss = 0;
                for (int i = 0; i < in.length; i++) {
                    if (!in[i]) continue;
                    double d = v[i] - mean;
                    ss += d * d;
                }
                double sd = Math.sqrt(ss / n);
                double k = settings.outlierSigma();
                lo = Math.max(lo, mean - k * sd);
                hi = Math.min(hi, mean + k * sd);
            }
        }
        return new double[] {lo, hi};
    }
}
