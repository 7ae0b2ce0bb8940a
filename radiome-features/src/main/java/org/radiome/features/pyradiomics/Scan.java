package org.radiome.features.pyradiomics;

import org.radiome.image.Grid;

/** A whole image in double precision and its ROI mask on one grid, x fastest. Read-only by convention. */
final class Scan {
    final Grid grid;
    final double[] values;
    final boolean[] mask;

    Scan(Grid grid, double[] values, boolean[] mask) {
        if (values.length != grid.voxelCount() || mask.length != values.length) throw new IllegalArgumentException("arrays do not fill the grid");
        this.grid = grid;
        this.values = values;
        this.mask = mask;
    }
}
