package org.radiome.image;

import java.util.Objects;

/**
 * A scalar 3D image: one {@code float} per voxel, x fastest (see {@link Grid#index}). 32-bit floats
 * hold every 16-bit integer exactly and are the precision IBSI asks for during processing.
 *
 * <p>The voxel array is shared, not copied, for speed: treat it as read-only. Instances are then
 * safe to share between threads.
 */
public final class Volume {
    private final Grid grid;
    private final float[] voxels;

    public Volume(Grid grid, float[] voxels) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.voxels = Objects.requireNonNull(voxels, "voxels");
        if (voxels.length != grid.voxelCount()) {
            throw new IllegalArgumentException("voxel array has " + voxels.length + " values, grid needs " + grid.voxelCount());
        }
    }

    public Grid grid() { return grid; }

    /** The voxel values, x fastest. Read-only by convention. */
    public float[] voxels() { return voxels; }

    public float get(int x, int y, int z) { return voxels[grid.index(x, y, z)]; }
}
