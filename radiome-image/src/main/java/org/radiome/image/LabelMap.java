package org.radiome.image;

import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An integer label image, as segmentations are stored in NIfTI and NRRD files: 0 is background,
 * every other value names a region. Values are read as integers; a non-integer value in a mask
 * file is rounded to the nearest integer by the reader.
 */
public final class LabelMap {
    private final Grid grid;
    private final int[] labels;

    public LabelMap(Grid grid, int[] labels) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.labels = Objects.requireNonNull(labels, "labels");
        if (labels.length != grid.voxelCount()) {
            throw new IllegalArgumentException("label array has " + labels.length + " values, grid needs " + grid.voxelCount());
        }
    }

    public Grid grid() { return grid; }

    /** The labels, x fastest. Read-only by convention. */
    public int[] labels() { return labels; }

    /** The distinct non-zero labels present. */
    public SortedSet<Integer> presentLabels() {
        SortedSet<Integer> present = new TreeSet<>();
        // neighbouring voxels mostly share a label: box and insert only where the label changes
        int last = 0;
        for (int l : labels) {
            if (l != 0 && l != last) present.add(l);
            last = l;
        }
        return present;
    }

    /**
     * The bounding box of the voxels carrying {@code label} and their number, as
     * {xmin, xmax, ymin, ymax, zmin, zmax, count} (inclusive voxel indices), or null if no voxel carries it.
     * One pass over the labels, without building a mask.
     */
    public int[] bounds(int label) {
        final int nx = grid.nx(), ny = grid.ny(), nz = grid.nz();
        int xMin = nx, xMax = -1, yMin = ny, yMax = -1, zMin = nz, zMax = -1, count = 0;
        for (int z = 0, row = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++, row += nx) {
                int first = -1, last = -1, inRow = 0;
                for (int x = 0; x < nx; x++) {
                    if (labels[row + x] != label) continue;
                    if (first < 0) first = x;
                    last = x;
                    inRow++;
                }
                if (inRow == 0) continue;
                count += inRow;
                xMin = Math.min(xMin, first);
                xMax = Math.max(xMax, last);
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
                zMin = Math.min(zMin, z);
                zMax = Math.max(zMax, z);
            }
        }
        return count == 0 ? null : new int[] {xMin, xMax, yMin, yMax, zMin, zMax, count};
    }

    /** The voxels carrying {@code label}. */
    public Mask select(int label) {
        boolean[] inside = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) inside[i] = labels[i] == label;
        return new Mask(grid, inside);
    }

    /** Every voxel with a non-zero label. */
    public Mask nonZero() {
        boolean[] inside = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) inside[i] = labels[i] != 0;
        return new Mask(grid, inside);
    }
}
