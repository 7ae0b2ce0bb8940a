package org.radiome.features.pyradiomics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.stream.Collectors;

import org.radiome.features.FeatureSet;
import org.radiome.features.discretisation.GreyLevels;
import org.radiome.image.Grid;
import org.radiome.image.LabelMap;
import org.radiome.image.Volume;
import org.radiome.image.io.PixelType;

/**
 * PyRadiomics-compatible extraction: the features of PyRadiomics's {@code RadiomicsFeatureExtractor.execute} for the
 * {@code Original} image type, named as PyRadiomics names them ({@code original_<class>_<Feature>}).
 *
 * <p>The steps follow PyRadiomics: select the label; resample a mask on another grid onto the image grid if
 * {@code correctMask}; normalise the whole image ({@link Preprocessing#normalize}); resample image and mask
 * ({@link Resampling}); check the ROI (bounding box, {@code minimumROIDimensions}, {@code minimumROISize});
 * resegment ({@code resegmentRange}) and check again; compute shape and shape2D on the mask before resegmentation
 * (unless {@code resegmentShape}), cropped to the bounding box; crop image and mask to the bounding box and compute
 * the other classes. Diagnostic ({@code diagnostics_*}) values are not produced.
 *
 * <p>Every departure from IBSI lives in this package or in a named switch of an IBSI family that only this mode uses
 * (see the classes here); IBSI mode is unaffected. The whole computation is in double precision. Stateless and
 * thread-safe.
 */
public final class PyRadiomicsExtractor {
    private PyRadiomicsExtractor() {}

    /** PyRadiomics's prefix of the features of the unfiltered image. */
    public static final String IMAGE_TYPE = "original";

    /**
     * The enabled features of one case, in PyRadiomics's order: shape classes first, then the other classes in
     * parameter-file order, features alphabetically within a class.
     *
     * @throws IllegalArgumentException with a one-line reason if the ROI cannot be used (absent label, geometry
     *     mismatch, too few dimensions or voxels, resegmentation leaving too few voxels, …)
     */
    public static FeatureSet extract(Volume image, LabelMap labels, PyRadiomicsSettings settings) {
        return extract(image, PixelType.FLOAT64, labels, settings);
    }

    /**
     * As {@link #extract(Volume, LabelMap, PyRadiomicsSettings)}, for an image stored in {@code pixelType} (as read
     * from its file): resampling casts the interpolated values back to that type, as SimpleITK does.
     */
    public static FeatureSet extract(Volume image, PixelType pixelType, LabelMap labels, PyRadiomicsSettings settings) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(pixelType, "pixelType");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(settings, "settings");
        Prepared p = prepare(image, pixelType, labels, settings);
        FeatureSet out = new FeatureSet();
        for (FeatureClass c : settings.enabledFeatures().keySet()) {
            if (!c.isShape()) continue;
            Map<String, Double> values = c == FeatureClass.SHAPE ? shape(p.shapeRoi()) : shape2D(p.shapeRoi(), settings);
            if (values != null) add(out, c, values, settings);
        }
        Roi roi = p.roi();
        Roi planar = p.planar();
        GreyLevels levels = null;
        for (FeatureClass c : settings.enabledFeatures().keySet()) {
            if (c.isShape()) continue;
            if (c != FeatureClass.FIRSTORDER && levels == null) levels = planar.greyLevels(settings);
            Map<String, Double> values = switch (c) {
                case FIRSTORDER -> FirstOrderFeatures.compute(roi, settings);
                case GLCM -> CooccurrenceFeatures.compute(levels, planar, settings, Angles.of(settings.distances(), settings.force2D(), false));
                case GLRLM -> RunLengthFeatures.compute(levels, planar, settings, Angles.of(List.of(1), settings.force2D(), false));
                case GLSZM -> SizeZoneFeatures.compute(levels, settings.force2D());
                case GLDM -> DependenceFeatures.compute(levels, settings);
                case NGTDM -> ToneDifferenceFeatures.compute(levels, settings);
                default -> throw new AssertionError(c);
            };
            add(out, c, values, settings);
        }
        return out;
    }

    /**
     * The preprocessed case: the mask for shape features and the ROI for the others, cropped to the bounding box;
     * {@code planar} is {@code roi} with force2D's out-of-plane axis as z.
     */
    record Prepared(Roi shapeRoi, Roi roi, Roi planar) {}

    static Prepared prepare(Volume image, PixelType pixelType, LabelMap labels, PyRadiomicsSettings settings) {
        if (!settings.normalize() && !settings.resamples()) return prepareInBox(image, labels, settings);
        Scan scan = loadScan(image, pixelType, labels, settings);
        if (settings.normalize()) scan = Preprocessing.normalize(scan, settings.normalizeScale(), settings.removeOutliers());
        if (settings.resamples()) scan = Resampling.resample(scan, settings);
        int[] box = Preprocessing.checkMask(scan.mask, scan.grid, settings);
        boolean[] shapeMask = scan.mask;
        boolean[] mask = scan.mask;
        if (settings.resegmentRange() != null) {
            mask = Preprocessing.resegment(scan.values, scan.mask, settings.resegmentRange(), settings.resegmentMode());
            box = Preprocessing.checkMask(mask, scan.grid, settings);
            if (settings.resegmentShape()) shapeMask = mask;
        }
        Roi shapeRoi = Preprocessing.crop(scan.values, shapeMask, scan.grid, box);
        Roi roi = Preprocessing.crop(scan.values, mask, scan.grid, box);
        Roi planar = settings.force2D() ? roi.withOutOfPlaneAxisLast(settings.force2Ddimension()) : roi;
        return new Prepared(shapeRoi, roi, planar);
    }

    /**
     * {@link #prepare} when no step needs the whole image (no normalisation, no resampling): the same checks and crops,
     * but the image is converted to double only inside the ROI's bounding box, and resegmentation works on that box.
     */
    private static Prepared prepareInBox(Volume image, LabelMap labels, PyRadiomicsSettings settings) {
        Grid grid = image.grid();
        Roi box;
        int[] bounds = checkedBounds(labels, settings.label());
        if (grid.describeDifference(labels.grid()) == null) {
            // the common case: the mask is built only inside the label's bounding box
            box = cropLabel(image.voxels(), labels.labels(), settings.label(), grid, Preprocessing.checkBox(bounds, bounds[6], settings));
        } else {
            boolean[] mask = correctedMask(image, labels, settings);
            box = crop(image.voxels(), mask, grid, Preprocessing.checkMask(mask, grid, settings));
        }
        Roi shapeRoi = box, roi = box;
        if (settings.resegmentRange() != null) {
            boolean[] resegmented = Preprocessing.resegment(box.values, box.mask, settings.resegmentRange(), settings.resegmentMode());
            Grid boxGrid = Grid.of(box.nx, box.ny, box.nz, box.sx, box.sy, box.sz);
            int[] inner = Preprocessing.checkMask(resegmented, boxGrid, settings);
            roi = Preprocessing.crop(box.values, resegmented, boxGrid, inner);
            shapeRoi = settings.resegmentShape() ? roi : Preprocessing.crop(box.values, box.mask, boxGrid, inner);
        }
        Roi planar = settings.force2D() ? roi.withOutOfPlaneAxisLast(settings.force2Ddimension()) : roi;
        return new Prepared(shapeRoi, roi, planar);
    }

    /** The float image cropped to {@code box} with the mask of the voxels labelled {@code label}, values widened to double. */
    private static Roi cropLabel(float[] values, int[] labels, int label, Grid g, int[] box) {
        return Preprocessing.crop(g, box, (from, to, n, v, m) -> {
            for (int x = 0; x < n; x++) {
                v[to + x] = values[from + x];
                m[to + x] = labels[from + x] == label;
            }
        });
    }

    /** The float image and its mask cropped to {@code box} (as {@link Preprocessing#crop}), values widened to double. */
    private static Roi crop(float[] values, boolean[] mask, Grid g, int[] box) {
        return Preprocessing.crop(g, box, (from, to, n, v, m) -> {
            for (int x = 0; x < n; x++) v[to + x] = values[from + x];
            System.arraycopy(mask, from, m, to, n);
        });
    }

    private static Map<String, Double> shape(Roi roi) {
        return ShapeFeatures.compute(roi.mask, roi.nx, roi.ny, roi.nz, roi.sx, roi.sy, roi.sz);
    }

    /** Shape2D needs force2D (else PyRadiomics skips the class) and a ROI one voxel thick out of plane. */
    private static Map<String, Double> shape2D(Roi roi, PyRadiomicsSettings s) {
        if (!s.force2D()) return null;
        Roi planar = roi.withOutOfPlaneAxisLast(s.force2Ddimension());
        if (planar.nz != 1) {
            throw new IllegalArgumentException("shape2D needs a ROI one voxel thick along force2Ddimension "
                    + s.force2Ddimension() + ", but it spans " + planar.nz + " voxels");
        }
        return Shape2DFeatures.compute(planar.mask, planar.nx, planar.ny, planar.sx, planar.sy);
    }

    private static void add(FeatureSet out, FeatureClass c, Map<String, Double> values, PyRadiomicsSettings s) {
        for (String feature : s.outputFeatures(c)) {
            Double v = values.get(feature);
            if (v == null) throw new IllegalStateException("no value for " + c.pyName() + " feature " + feature);
            out.addUnidentified(IMAGE_TYPE + "_" + c.pyName() + "_" + feature, v);
        }
    }

    private static Scan loadScan(Volume image, PixelType pixelType, LabelMap labels, PyRadiomicsSettings s) {
        boolean[] mask = loadMask(image, labels, s);
        float[] v = image.voxels();
        double[] values = new double[v.length];
        for (int i = 0; i < v.length; i++) values[i] = v[i];
        return new Scan(image.grid(), values, mask, pixelType);
    }

    /** The label's mask on the image grid (resampled onto it with {@code correctMask}), after checking the label. */
    private static boolean[] loadMask(Volume image, LabelMap labels, PyRadiomicsSettings s) {
        checkedBounds(labels, s.label());
        return correctedMask(image, labels, s);
    }

    /**
     * The label's bounding box and voxel count ({@link LabelMap#bounds}), after checking that the mask has labels and
     * this one among them.
     */
    private static int[] checkedBounds(LabelMap labels, int label) {
        int[] bounds = labels.bounds(label);
        if (bounds != null) return bounds;
        SortedSet<Integer> present = labels.presentLabels();
        if (present.isEmpty()) throw new IllegalArgumentException("no labels found in this mask (nothing is segmented)");
        throw new IllegalArgumentException("label " + label + " is not present in the mask; labels present: "
                + present.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    /** The present label's mask on the image grid, resampled onto it with {@code correctMask} if the grids differ. */
    private static boolean[] correctedMask(Volume image, LabelMap labels, PyRadiomicsSettings s) {
        Grid grid = image.grid();
        String mismatch = grid.describeDifference(labels.grid());
        if (mismatch == null) return labels.select(s.label()).inside();
        if (!s.correctMask()) {
            throw new IllegalArgumentException("image/mask geometry mismatch (" + mismatch + "); set correctMask to resample the mask");
        }
        boolean[] mask = Resampling.maskOntoGrid(labels, s.label(), grid);
        if (!anyTrue(mask)) throw new IllegalArgumentException("the ROI lies outside the image after correctMask");
        return mask;
    }

    private static boolean anyTrue(boolean[] a) {
        for (boolean b : a) if (b) return true;
        return false;
    }
}
