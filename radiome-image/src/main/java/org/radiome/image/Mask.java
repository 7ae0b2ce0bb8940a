package org.radiome.image;

import java.util.Objects;

/**
 * A binary region of interest on a {@link Grid}: {@code inside[i]} is true for voxels in the ROI.
 * The array is shared, not copied; treat it as read-only.
 */
public final class Mask {
    private final Grid grid;
    private final boolean[] inside;

    public Mask(Grid grid, boolean[] inside) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.inside = Objects.requireNonNull(inside, "inside");
        if (inside.length != grid.voxelCount()) {
            throw new IllegalArgumentException("mask array has " + inside.length + " values, grid needs " + grid.voxelCount());
        }
    }

    public Grid grid() { return grid; }

    public boolean[] inside() { return inside; }

    public int count() {
        int n = 0;
        for (boolean b : inside) if (b) n++;
        return n;
    }

    public boolean isEmpty() {
        for (boolean b : inside) if (b) return false;
        return true;
    }
}
