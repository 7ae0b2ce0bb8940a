package org.radiome.features.pyradiomics;

import org.radiome.image.Grid;
import org.radiome.image.LabelMap;

/** Resampling as PyRadiomics does it (placeholder: not yet implemented). */
final class Resampling {
    private Resampling() {}

    static Scan resample(Scan scan, PyRadiomicsSettings s) {
        throw new IllegalArgumentException("resampledPixelSpacing: resampling is not supported yet");
    }

    static boolean[] maskOntoGrid(LabelMap labels, int label, Grid target) {
        throw new IllegalArgumentException("correctMask: resampling the mask onto the image grid is not supported yet");
    }
}
