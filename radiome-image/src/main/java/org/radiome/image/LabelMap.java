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
        for (int l : labels) {
            if (l != 0) present.add(l);
        }
        return present;
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
