package org.radiome.image;

import java.util.Arrays;
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
    /** Every label's box, when made by {@link #withBoundsByLabel()}; else null. */
    private final LabelBounds boundsByLabel;

    public LabelMap(Grid grid, int[] labels) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.labels = Objects.requireNonNull(labels, "labels");
        if (labels.length != grid.voxelCount()) {
            throw new IllegalArgumentException("label array has " + labels.length + " values, grid needs " + grid.voxelCount());
        }
        this.boundsByLabel = null;
    }

    private LabelMap(LabelMap map, LabelBounds boundsByLabel) {
        this.grid = map.grid;
        this.labels = map.labels;
        this.boundsByLabel = boundsByLabel;
    }

    /**
     * This label map (same grid and label array) with {@link #boundsByLabel()} computed once, so that
     * {@link #bounds(int)} and {@link #presentLabels()} answer from it without scanning the labels: for extracting
     * every label of a map in turn. The label array must not change afterwards.
     */
    public LabelMap withBoundsByLabel() {
        return boundsByLabel != null ? this : new LabelMap(this, boundsByLabel());
    }

    public Grid grid() { return grid; }

    /** The labels, x fastest. Read-only by convention. */
    public int[] labels() { return labels; }

    /** The distinct non-zero labels present. */
    public SortedSet<Integer> presentLabels() {
        SortedSet<Integer> present = new TreeSet<>();
        if (boundsByLabel != null) {
            for (int label : boundsByLabel.labels()) present.add(label);
            return present;
        }
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
     * One pass over the labels, without building a mask (none for a map made by {@link #withBoundsByLabel()}).
     */
    public int[] bounds(int label) {
        if (boundsByLabel != null && label != 0) return boundsByLabel.bounds(label);
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

    /**
     * Every present non-zero label's bounding box and voxel count ({@link #bounds(int)} for each), from one pass over
     * the labels, so that a map with several labels is not scanned once per label: rows without labels are skipped
     * after a branch-free test, and in the others each run of equal labels along x updates its label's box once.
     * Labels are looked up in a small open-addressing table of primitive arrays (no boxing per voxel or run).
     */
    public LabelBounds boundsByLabel() {
        final int nx = grid.nx(), ny = grid.ny(), nz = grid.nz();
        final int[] l = labels;
        final BoxTable table = new BoxTable();
        for (int z = 0, row = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++, row += nx) {
                // most rows of a mask are empty: a branch-free test first, at memory speed
                int any = 0;
                for (int x = 0; x < nx; x++) any |= l[row + x];
                if (any == 0) continue;
                int current = 0, first = 0;
                for (int x = 0; x < nx; x++) {
                    final int label = l[row + x];
                    if (label == current) continue;
                    if (current != 0) table.addRun(current, first, x - 1, y, z);
                    current = label;
                    first = x;
                }
                if (current != 0) table.addRun(current, first, nx - 1, y, z);
            }
        }
        return table.bounds();
    }

    /** Boxes of the labels found so far, by label, for {@link #boundsByLabel()}. */
    private static final class BoxTable {
        private static final int F = LabelBounds.FIELDS;
        /** Open addressing: label (0: empty slot) and its index + 1 in {@code found}. */
        private int[] keys = new int[16];
        private int[] slots = new int[16];
        /** Labels in order of discovery, and their boxes. */
        private int[] found = new int[4];
        private int[] boxes = new int[4 * F];
        private int count;
        private int lastLabel, lastBox;

        /** Adds the run {@code first…last} of row {@code y} of slice {@code z} (slices come in increasing order). */
        void addRun(int label, int first, int last, int y, int z) {
            final int b = label == lastLabel ? lastBox : box(label, z);
            final int[] box = boxes;
            if (first < box[b]) box[b] = first;
            if (last > box[b + 1]) box[b + 1] = last;
            if (y < box[b + 2]) box[b + 2] = y;
            if (y > box[b + 3]) box[b + 3] = y;
            box[b + 5] = z;
            box[b + 6] += last - first + 1;
        }

        private int box(int label, int z) {
            int mask = keys.length - 1, h = mix(label) & mask;
            while (keys[h] != 0 && keys[h] != label) h = (h + 1) & mask;
            final int b;
            if (keys[h] == label) {
                b = (slots[h] - 1) * F;
            } else {
                if (count == found.length) {
                    found = Arrays.copyOf(found, 2 * count);
                    boxes = Arrays.copyOf(boxes, 2 * count * F);
                }
                found[count] = label;
                b = count * F;
                boxes[b] = Integer.MAX_VALUE;
                boxes[b + 1] = -1;
                boxes[b + 2] = Integer.MAX_VALUE;
                boxes[b + 3] = -1;
                boxes[b + 4] = z; // the first slice it is seen in
                count++;
                keys[h] = label;
                slots[h] = count;
                if (2 * count > keys.length) rehash();
            }
            lastLabel = label;
            lastBox = b;
            return b;
        }

        private void rehash() {
            final int[] oldKeys = keys, oldSlots = slots;
            keys = new int[2 * oldKeys.length];
            slots = new int[keys.length];
            final int mask = keys.length - 1;
            for (int e = 0; e < oldKeys.length; e++) {
                if (oldKeys[e] == 0) continue;
                int h = mix(oldKeys[e]) & mask;
                while (keys[h] != 0) h = (h + 1) & mask;
                keys[h] = oldKeys[e];
                slots[h] = oldSlots[e];
            }
        }

        private static int mix(int label) {
            final int h = label * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        /** The labels in increasing order with their boxes. */
        LabelBounds bounds() {
            final int[] sorted = Arrays.copyOf(found, count);
            Arrays.sort(sorted);
            final int[] sortedBoxes = new int[count * F];
            final int mask = keys.length - 1;
            for (int k = 0; k < count; k++) {
                int h = mix(sorted[k]) & mask;
                while (keys[h] != sorted[k]) h = (h + 1) & mask;
                System.arraycopy(boxes, (slots[h] - 1) * F, sortedBoxes, k * F, F);
            }
            return new LabelBounds(sorted, sortedBoxes);
        }
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
