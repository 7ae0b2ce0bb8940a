package org.radiome.image.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.radiome.image.Grid;
import org.radiome.image.LabelMap;
import org.radiome.image.Mask;

/**
 * The named regions of interest of one segmentation source, each as a {@link Mask} on an image's grid:
 * a label map gives its non-zero label numbers as names ("1", "2", …), an RTSTRUCT its ROI names, a
 * DICOM-SEG its segment labels. Masks are made on first request (an RTSTRUCT ROI is rasterised only
 * when asked for), so one ROI that cannot be placed does not prevent reading another.
 *
 * <p>Thread-safe: each request computes its mask afresh.
 */
public final class RoiSet {
    /** Makes the mask of one ROI on the set's grid. */
    @FunctionalInterface
    public interface MaskMaker {
        Mask make() throws ImageReadException;
    }

    private final Path source;
    private final Grid grid;
    private final Map<String, MaskMaker> rois;
    private final boolean labelMap;
    private final MaskMaker union;

    private RoiSet(Path source, Grid grid, Map<String, MaskMaker> rois, boolean labelMap, MaskMaker union) {
        this.source = Objects.requireNonNull(source, "source");
        this.grid = Objects.requireNonNull(grid, "grid");
        this.rois = Collections.unmodifiableMap(new LinkedHashMap<>(rois));
        this.labelMap = labelMap;
        this.union = union;
    }

    /** Named ROIs (in the source's order), made lazily. */
    public static RoiSet named(Path source, Grid grid, Map<String, MaskMaker> rois) {
        return new RoiSet(source, grid, rois, false, null);
    }

    /** The non-zero labels of a label map, named by their numbers. */
    public static RoiSet ofLabels(Path source, LabelMap labels) {
        Map<String, MaskMaker> rois = new LinkedHashMap<>();
        for (int label : labels.presentLabels()) rois.put(String.valueOf(label), () -> labels.select(label));
        return new RoiSet(source, labels.grid(), rois, true, labels::nonZero);
    }

    public Path source() { return source; }

    public Grid grid() { return grid; }

    /** The ROI names, in the source's order. */
    public List<String> names() { return new ArrayList<>(rois.keySet()); }

    public boolean isEmpty() { return rois.isEmpty(); }

    /** The mask of ROI {@code name}; an unknown name is an error listing the ROIs present. */
    public Mask get(String name) throws ImageReadException {
        String key = name.trim();
        MaskMaker maker = rois.get(key);
        if (maker == null) throw new ImageReadException(source, unknownRoi(key));
        return maker.make();
    }

    /**
     * The ROI used when none is named: for a label map every non-zero voxel (name {@code nonzero}),
     * otherwise the only ROI; several named ROIs are an error asking for a choice.
     */
    public Mask getDefault() throws ImageReadException {
        if (rois.isEmpty()) throw new ImageReadException(source, labelMap ? "the mask is empty (no non-zero voxels)" : "holds no ROI");
        if (labelMap) return union.make();
        if (rois.size() > 1) {
            throw new ImageReadException(source, "holds " + rois.size() + " ROIs; choose one with --roi NAME (or --all-rois): " + present());
        }
        return rois.values().iterator().next().make();
    }

    /** The name {@link #getDefault()} gives its ROI. */
    public String defaultName() {
        return labelMap || rois.size() != 1 ? "nonzero" : rois.keySet().iterator().next();
    }

    private String unknownRoi(String name) {
        if (labelMap) {
            try {
                int label = Integer.parseInt(name);
                return "ROI label " + label + " is empty; labels present: " + present();
            } catch (NumberFormatException e) {
                return "ROI '" + name + "' is not a label number; this label map has labels " + present();
            }
        }
        return "no ROI named '" + name + "'; ROIs present: " + present();
    }

    private String present() {
        return rois.isEmpty() ? "none" : String.join(", ", rois.keySet());
    }
}
