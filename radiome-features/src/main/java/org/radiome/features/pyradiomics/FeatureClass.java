package org.radiome.features.pyradiomics;

import java.util.List;

/**
 * The PyRadiomics feature classes and their enabled-by-default (non-deprecated) features, named exactly as
 * PyRadiomics names them ({@code get<Name>FeatureValue} in {@code radiomics/<class>.py}). Output columns are
 * {@code original_<class>_<Feature>}.
 *
 * <p>{@link #deprecatedComputed()} lists deprecated features that PyRadiomics still computes when a parameter
 * file names them explicitly; {@link #deprecatedWithoutValue()} those it accepts but never gives a value for
 * (they raise a DeprecationWarning, so no column appears).
 */
public enum FeatureClass {
    FIRSTORDER("firstorder", List.of("Energy", "TotalEnergy", "Entropy", "Minimum", "10Percentile", "90Percentile",
            "Maximum", "Mean", "Median", "InterquartileRange", "Range", "MeanAbsoluteDeviation",
            "RobustMeanAbsoluteDeviation", "RootMeanSquared", "Skewness", "Kurtosis", "Variance", "Uniformity"),
            List.of("StandardDeviation"), List.of()),
    SHAPE("shape", List.of("MeshVolume", "VoxelVolume", "SurfaceArea", "SurfaceVolumeRatio", "Sphericity",
            "Maximum3DDiameter", "Maximum2DDiameterSlice", "Maximum2DDiameterColumn", "Maximum2DDiameterRow",
            "MajorAxisLength", "MinorAxisLength", "LeastAxisLength", "Elongation", "Flatness"),
            List.of("Compactness1", "Compactness2", "SphericalDisproportion"), List.of()),
    SHAPE_2D("shape2D", List.of("MeshSurface", "PixelSurface", "Perimeter", "PerimeterSurfaceRatio", "Sphericity",
            "MaximumDiameter", "MajorAxisLength", "MinorAxisLength", "Elongation"),
            List.of("SphericalDisproportion"), List.of()),
    GLCM("glcm", List.of("Autocorrelation", "JointAverage", "ClusterProminence", "ClusterShade", "ClusterTendency",
            "Contrast", "Correlation", "DifferenceAverage", "DifferenceEntropy", "DifferenceVariance", "JointEnergy",
            "JointEntropy", "Imc1", "Imc2", "Idm", "MCC", "Idmn", "Id", "Idn", "InverseVariance", "MaximumProbability",
            "SumAverage", "SumEntropy", "SumSquares"),
            List.of(), List.of("Dissimilarity", "Homogeneity1", "Homogeneity2", "SumVariance")),
    GLRLM("glrlm", List.of("ShortRunEmphasis", "LongRunEmphasis", "GrayLevelNonUniformity",
            "GrayLevelNonUniformityNormalized", "RunLengthNonUniformity", "RunLengthNonUniformityNormalized",
            "RunPercentage", "GrayLevelVariance", "RunVariance", "RunEntropy", "LowGrayLevelRunEmphasis",
            "HighGrayLevelRunEmphasis", "ShortRunLowGrayLevelEmphasis", "ShortRunHighGrayLevelEmphasis",
            "LongRunLowGrayLevelEmphasis", "LongRunHighGrayLevelEmphasis"), List.of(), List.of()),
    GLSZM("glszm", List.of("SmallAreaEmphasis", "LargeAreaEmphasis", "GrayLevelNonUniformity",
            "GrayLevelNonUniformityNormalized", "SizeZoneNonUniformity", "SizeZoneNonUniformityNormalized",
            "ZonePercentage", "GrayLevelVariance", "ZoneVariance", "ZoneEntropy", "LowGrayLevelZoneEmphasis",
            "HighGrayLevelZoneEmphasis", "SmallAreaLowGrayLevelEmphasis", "SmallAreaHighGrayLevelEmphasis",
            "LargeAreaLowGrayLevelEmphasis", "LargeAreaHighGrayLevelEmphasis"), List.of(), List.of()),
    GLDM("gldm", List.of("SmallDependenceEmphasis", "LargeDependenceEmphasis", "GrayLevelNonUniformity",
            "DependenceNonUniformity", "DependenceNonUniformityNormalized", "GrayLevelVariance", "DependenceVariance",
            "DependenceEntropy", "LowGrayLevelEmphasis", "HighGrayLevelEmphasis", "SmallDependenceLowGrayLevelEmphasis",
            "SmallDependenceHighGrayLevelEmphasis", "LargeDependenceLowGrayLevelEmphasis",
            "LargeDependenceHighGrayLevelEmphasis"),
            List.of("GrayLevelNonUniformityNormalized"), List.of("DependencePercentage")),
    NGTDM("ngtdm", List.of("Coarseness", "Contrast", "Busyness", "Complexity", "Strength"), List.of(), List.of());

    private final String pyName;
    private final List<String> features;
    private final List<String> deprecatedComputed;
    private final List<String> deprecatedWithoutValue;

    FeatureClass(String pyName, List<String> features, List<String> deprecatedComputed, List<String> deprecatedWithoutValue) {
        this.pyName = pyName;
        this.features = features;
        this.deprecatedComputed = deprecatedComputed;
        this.deprecatedWithoutValue = deprecatedWithoutValue;
    }

    /** The class name as in parameter files and column names ({@code glcm}, {@code shape2D}, …). */
    public String pyName() { return pyName; }

    /** The features enabled when the parameter file enables the class without a feature list. */
    public List<String> features() { return features; }

    public List<String> deprecatedComputed() { return deprecatedComputed; }

    public List<String> deprecatedWithoutValue() { return deprecatedWithoutValue; }

    /** True for the two shape classes, which PyRadiomics computes on the unresegmented mask. */
    public boolean isShape() { return this == SHAPE || this == SHAPE_2D; }

    /** True if {@code feature} is a name this class accepts in a parameter file's feature list. */
    public boolean accepts(String feature) {
        return features.contains(feature) || deprecatedComputed.contains(feature) || deprecatedWithoutValue.contains(feature);
    }

    /** The class named {@code name} in a parameter file, or null. */
    public static FeatureClass byPyName(String name) {
        for (FeatureClass c : values()) if (c.pyName.equals(name)) return c;
        return null;
    }
}
