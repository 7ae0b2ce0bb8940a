package org.radiome.image;

import java.util.Arrays;

/**
 * The non-zero labels present in a {@link LabelMap}, each with its bounding box and voxel count, as
 * {@link LabelMap#boundsByLabel()} finds them in one pass. Immutable and thread-safe.
 */
public final class LabelBounds {
    /** Values per label: {xmin, xmax, ymin, ymax, zmin, zmax, count}. */
    static final int FIELDS = 7;
    private final int[] labels;
    private final int[] boxes;

    /** @param labels the present labels, increasing; @param boxes {@link #FIELDS} values per label, in that order */
    LabelBounds(int[] labels, int[] boxes) {
        if (boxes.length != FIELDS * labels.length) throw new IllegalArgumentException("one box per label expected");
        this.labels = labels;
        this.boxes = boxes;
    }

    /** The number of present labels. */
    public int size() { return labels.length; }

    /** The present labels in increasing order (a copy). */
    public int[] labels() { return labels.clone(); }

    /**
     * The bounding box of {@code label} and its voxel count, as {@link LabelMap#bounds(int)} gives them
     * ({xmin, xmax, ymin, ymax, zmin, zmax, count}, inclusive voxel indices; a fresh array), or null if the label is
     * absent (or 0, the background).
     */
    public int[] bounds(int label) {
        final int k = Arrays.binarySearch(labels, label);
        return k < 0 ? null : Arrays.copyOfRange(boxes, FIELDS * k, FIELDS * (k + 1));
    }
}
