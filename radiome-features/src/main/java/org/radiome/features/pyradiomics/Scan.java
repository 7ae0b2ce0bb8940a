package org.radiome.features.pyradiomics;

import org.radiome.image.Grid;
import org.radiome.image.io.PixelType;

/**
 * A whole image in double precision and its ROI mask on one grid, x fastest, with the pixel type that SimpleITK
 * would hold the image in ({@code storage}: the file's type, FLOAT64 after normalisation), which resampling casts
 * back to. Read-only by convention.
 */
final class Scan {
    final Grid grid;
    final double[] values;
    final boolean[] mask;
    final PixelType storage;

    Scan(Grid grid, double[] values, boolean[] mask, PixelType storage) {
        if (values.length != grid.voxelCount() || mask.length != values.length) throw new IllegalArgumentException("arrays do not fill the grid");
        this.grid = grid;
        this.values = values;
        this.mask = mask;
        this.storage = storage;
    }
}
