package org.radiome.features.pyradiomics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of a PyRadiomics parameter file ({@code setting:} and {@code featureClass:}), typed and validated.
 * Defaults are PyRadiomics's ({@code RadiomicsFeatureExtractor._getDefaultSettings} and the feature classes'
 * {@code kwargs.get(key, default)}). Immutable; build one with {@link Builder}.
 *
 * @param enabledFeatures       the feature classes in parameter-file order, each with the features named in the
 *                              file, or an empty list for all non-deprecated features
 * @param label                 the mask label of the ROI
 * @param binWidth              fixed bin width (used when {@code binCount} is null)
 * @param binCount              fixed bin count, or null
 * @param voxelArrayShift       added to intensities in Energy, TotalEnergy and RootMeanSquared
 * @param distances             Chebyshev distances whose neighbour offsets texture classes use
 * @param symmetricalGlcm       count each GLCM pair in both directions
 * @param gldmA                 GLDM coarseness α
 * @param weightingNorm         null: average the features of the per-angle GLCM/GLRLM matrices; otherwise merge the
 *                              matrices with these weights first
 * @param force2D               compute texture matrices in the plane perpendicular to {@code force2Ddimension}
 * @param force2Ddimension      the out-of-plane axis in PyRadiomics's (z, y, x) array order: 0 = z, 1 = y, 2 = x
 * @param normalize             normalise the whole image to mean 0, standard deviation 1 before anything else
 * @param normalizeScale        factor applied after normalisation
 * @param removeOutliers        clip normalised values to ±this many standard deviations, or null
 * @param resampledPixelSpacing target spacing (x, y, z), 0 keeping an axis's spacing; null: no resampling
 * @param interpolator          image interpolator for resampling; null: no resampling
 * @param padDistance           voxels of padding around the ROI's bounding box kept when resampling
 * @param preCrop               crop to the ROI (plus padding) before any filter; no effect on feature values
 * @param resegmentRange        one (lower) or two (lower, upper) thresholds, or null
 * @param resegmentMode         how {@code resegmentRange} is read
 * @param resegmentShape        also use the resegmented mask for shape features
 * @param minimumRoiDimensions  the ROI's bounding box must extend over more than one voxel in at least this many axes
 * @param minimumRoiSize        the ROI must have more than this many voxels, or null
 * @param correctMask           resample a mask on another grid onto the image grid (nearest neighbour)
 * @param geometryTolerance     tolerance for comparing image and mask geometry, or null for the default
 */
public record PyRadiomicsSettings(
        Map<FeatureClass, List<String>> enabledFeatures,
        int label,
        double binWidth,
        Integer binCount,
        int voxelArrayShift,
        List<Integer> distances,
        boolean symmetricalGlcm,
        int gldmA,
        WeightingNorm weightingNorm,
        boolean force2D,
        int force2Ddimension,
        boolean normalize,
        double normalizeScale,
        Double removeOutliers,
        List<Double> resampledPixelSpacing,
        Interpolator interpolator,
        int padDistance,
        boolean preCrop,
        List<Double> resegmentRange,
        ResegmentMode resegmentMode,
        boolean resegmentShape,
        int minimumRoiDimensions,
        Integer minimumRoiSize,
        boolean correctMask,
        Double geometryTolerance) {

    /** PyRadiomics {@code weightingNorm}: how per-angle GLCM/GLRLM matrices are weighted before they are summed. */
    public enum WeightingNorm {
        MANHATTAN("manhattan"), EUCLIDEAN("euclidean"), INFINITY("infinity"), NO_WEIGHTING("no_weighting");

        private final String pyName;

        WeightingNorm(String pyName) { this.pyName = pyName; }

        public String pyName() { return pyName; }

        public static WeightingNorm byPyName(String name) {
            for (WeightingNorm w : values()) if (w.pyName.equals(name)) return w;
            throw new IllegalArgumentException("unknown weightingNorm '" + name + "', expected manhattan, euclidean, infinity or no_weighting");
        }
    }

    /** PyRadiomics {@code resegmentMode}. */
    public enum ResegmentMode {
        /** Thresholds are intensities. */
        ABSOLUTE("absolute"),
        /** Thresholds are fractions of the ROI maximum. */
        RELATIVE("relative"),
        /** Thresholds are numbers of standard deviations (population) from the ROI mean. */
        SIGMA("sigma");

        private final String pyName;

        ResegmentMode(String pyName) { this.pyName = pyName; }

        public String pyName() { return pyName; }

        public static ResegmentMode byPyName(String name) {
            for (ResegmentMode m : values()) if (m.pyName.equals(name)) return m;
            throw new IllegalArgumentException("unknown resegmentMode '" + name + "', expected absolute, relative or sigma");
        }
    }

    /** SimpleITK interpolators that resampling supports, by their SimpleITK names. */
    public enum Interpolator {
        NEAREST_NEIGHBOR("sitkNearestNeighbor"), LINEAR("sitkLinear"), BSPLINE("sitkBSpline");

        private final String sitkName;

        Interpolator(String sitkName) { this.sitkName = sitkName; }

        public String sitkName() { return sitkName; }

        /** The interpolator named {@code name}, or null if SimpleITK has it but this mode does not. */
        public static Interpolator bySitkName(String name) {
            for (Interpolator i : values()) if (i.sitkName.equals(name)) return i;
            return null;
        }
    }

    public PyRadiomicsSettings {
        enabledFeatures = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(enabledFeatures, "enabledFeatures")));
        if (enabledFeatures.isEmpty()) throw new IllegalArgumentException("featureClass: no feature class is enabled");
        for (Map.Entry<FeatureClass, List<String>> e : enabledFeatures.entrySet()) {
            for (String f : e.getValue()) {
                if (!e.getKey().accepts(f)) {
                    throw new IllegalArgumentException("featureClass." + e.getKey().pyName() + ": unknown feature '" + f + "'");
                }
            }
        }
        if (label <= 0) throw new IllegalArgumentException("label must be > 0, was " + label);
        if (!(binWidth > 0) || !Double.isFinite(binWidth)) throw new IllegalArgumentException("binWidth must be > 0, was " + binWidth);
        if (binCount != null && binCount <= 0) throw new IllegalArgumentException("binCount must be > 0, was " + binCount);
        distances = List.copyOf(Objects.requireNonNull(distances, "distances"));
        if (distances.isEmpty()) throw new IllegalArgumentException("distances must not be empty");
        for (int d : distances) if (d <= 0) throw new IllegalArgumentException("distances must be > 0, found " + d);
        if (gldmA < 0) throw new IllegalArgumentException("gldm_a must be >= 0, was " + gldmA);
        if (force2Ddimension < 0 || force2Ddimension > 2) throw new IllegalArgumentException("force2Ddimension must be 0, 1 or 2, was " + force2Ddimension);
        if (!(normalizeScale > 0)) throw new IllegalArgumentException("normalizeScale must be > 0, was " + normalizeScale);
        if (removeOutliers != null && !(removeOutliers > 0)) throw new IllegalArgumentException("removeOutliers must be > 0, was " + removeOutliers);
        if (resampledPixelSpacing != null) {
            resampledPixelSpacing = List.copyOf(resampledPixelSpacing);
            if (resampledPixelSpacing.size() != 3) throw new IllegalArgumentException("resampledPixelSpacing needs 3 values (x, y, z), had " + resampledPixelSpacing.size());
            for (double s : resampledPixelSpacing) if (!(s >= 0)) throw new IllegalArgumentException("resampledPixelSpacing values must be >= 0, found " + s);
        }
        if (padDistance < 0) throw new IllegalArgumentException("padDistance must be >= 0, was " + padDistance);
        if (resegmentRange != null) {
            resegmentRange = List.copyOf(resegmentRange);
            if (resegmentRange.isEmpty() || resegmentRange.size() > 2) {
                throw new IllegalArgumentException("resegmentRange needs 1 or 2 values, had " + resegmentRange.size());
            }
        }
        Objects.requireNonNull(resegmentMode, "resegmentMode");
        if (minimumRoiDimensions < 1 || minimumRoiDimensions > 3) throw new IllegalArgumentException("minimumROIDimensions must be 1, 2 or 3, was " + minimumRoiDimensions);
        if (minimumRoiSize != null && minimumRoiSize <= 0) throw new IllegalArgumentException("minimumROISize must be > 0, was " + minimumRoiSize);
        if (geometryTolerance != null && !(geometryTolerance > 0)) throw new IllegalArgumentException("geometryTolerance must be > 0, was " + geometryTolerance);
    }

    /** True when the image is resampled: both {@code resampledPixelSpacing} and {@code interpolator} are set. */
    public boolean resamples() { return resampledPixelSpacing != null && interpolator != null; }

    /** The features of {@code featureClass} that produce a column, in PyRadiomics's (alphabetical) order. */
    public List<String> outputFeatures(FeatureClass featureClass) {
        List<String> named = enabledFeatures.get(featureClass);
        if (named == null) return List.of();
        List<String> out = new java.util.ArrayList<>(named.isEmpty() ? featureClass.features() : named);
        out.removeAll(featureClass.deprecatedWithoutValue());
        return out.stream().distinct().sorted().toList();
    }

    /** Mutable builder starting from PyRadiomics's defaults; not thread-safe. */
    public static final class Builder {
        private final Map<FeatureClass, List<String>> enabledFeatures = new LinkedHashMap<>();
        private int label = 1;
        private double binWidth = 25;
        private Integer binCount;
        private int voxelArrayShift;
        private List<Integer> distances = List.of(1);
        private boolean symmetricalGlcm = true;
        private int gldmA;
        private WeightingNorm weightingNorm;
        private boolean force2D;
        private int force2Ddimension;
        private boolean normalize;
        private double normalizeScale = 1;
        private Double removeOutliers;
        private List<Double> resampledPixelSpacing;
        private Interpolator interpolator = Interpolator.BSPLINE;
        private int padDistance = 5;
        private boolean preCrop;
        private List<Double> resegmentRange;
        private ResegmentMode resegmentMode = ResegmentMode.ABSOLUTE;
        private boolean resegmentShape;
        private int minimumRoiDimensions = 2;
        private Integer minimumRoiSize;
        private boolean correctMask;
        private Double geometryTolerance;

        /** Enables {@code featureClass} with the named features, or all non-deprecated ones for an empty list. */
        public Builder enable(FeatureClass featureClass, List<String> features) {
            enabledFeatures.put(featureClass, List.copyOf(features));
            return this;
        }

        public Builder label(int v) { label = v; return this; }
        public Builder binWidth(double v) { binWidth = v; return this; }
        public Builder binCount(Integer v) { binCount = v; return this; }
        public Builder voxelArrayShift(int v) { voxelArrayShift = v; return this; }
        public Builder distances(List<Integer> v) { distances = v; return this; }
        public Builder symmetricalGlcm(boolean v) { symmetricalGlcm = v; return this; }
        public Builder gldmA(int v) { gldmA = v; return this; }
        public Builder weightingNorm(WeightingNorm v) { weightingNorm = v; return this; }
        public Builder force2D(boolean v) { force2D = v; return this; }
        public Builder force2Ddimension(int v) { force2Ddimension = v; return this; }
        public Builder normalize(boolean v) { normalize = v; return this; }
        public Builder normalizeScale(double v) { normalizeScale = v; return this; }
        public Builder removeOutliers(Double v) { removeOutliers = v; return this; }
        public Builder resampledPixelSpacing(List<Double> v) { resampledPixelSpacing = v; return this; }
        public Builder interpolator(Interpolator v) { interpolator = v; return this; }
        public Builder padDistance(int v) { padDistance = v; return this; }
        public Builder preCrop(boolean v) { preCrop = v; return this; }
        public Builder resegmentRange(List<Double> v) { resegmentRange = v; return this; }
        public Builder resegmentMode(ResegmentMode v) { resegmentMode = v; return this; }
        public Builder resegmentShape(boolean v) { resegmentShape = v; return this; }
        public Builder minimumRoiDimensions(int v) { minimumRoiDimensions = v; return this; }
        public Builder minimumRoiSize(Integer v) { minimumRoiSize = v; return this; }
        public Builder correctMask(boolean v) { correctMask = v; return this; }
        public Builder geometryTolerance(Double v) { geometryTolerance = v; return this; }

        /** @throws IllegalArgumentException naming the first invalid setting */
        public PyRadiomicsSettings build() {
            return new PyRadiomicsSettings(enabledFeatures, label, binWidth, binCount, voxelArrayShift, distances,
                    symmetricalGlcm, gldmA, weightingNorm, force2D, force2Ddimension, normalize, normalizeScale,
                    removeOutliers, resampledPixelSpacing, interpolator, padDistance, preCrop, resegmentRange,
                    resegmentMode, resegmentShape, minimumRoiDimensions, minimumRoiSize, correctMask, geometryTolerance);
        }
    }
}
