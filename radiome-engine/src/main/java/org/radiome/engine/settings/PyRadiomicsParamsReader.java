package org.radiome.engine.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.radiome.features.pyradiomics.FeatureClass;
import org.radiome.features.pyradiomics.PyRadiomicsSettings;
import org.radiome.features.pyradiomics.PyRadiomicsSettings.Interpolator;
import org.radiome.features.pyradiomics.PyRadiomicsSettings.ResegmentMode;
import org.radiome.features.pyradiomics.PyRadiomicsSettings.WeightingNorm;

/**
 * Reads a PyRadiomics parameter file (YAML with {@code imageType}, {@code featureClass} and {@code setting}, as
 * validated by PyRadiomics's {@code paramSchema.yaml}) into {@link PyRadiomicsSettings}.
 *
 * <p>Every key is checked against that schema: an unknown key, a value of the wrong type or out of range is an error
 * naming the key ({@code params.yaml: setting.binWidht: unknown key}). Keys of the schema that only configure image
 * filters ({@code sigma}, {@code wavelet}, {@code lbp2D…}, …) are validated and have no effect, since only the
 * {@code Original} image type is supported; other image types and {@code voxelSetting} (voxel-based extraction) are
 * refused. A key given as {@code null} takes PyRadiomics's default, except where {@code null} is itself meaningful
 * (no resampling, no resegmentation, no weighting, no outlier removal, no minimum size). Integers are accepted where
 * the schema asks for a float. Settings of an image type ({@code imageType: {Original: {binWidth: 10}}}) override
 * the general ones, as in PyRadiomics.
 *
 * <p>Stateless and thread-safe.
 */
public final class PyRadiomicsParamsReader {
    private static final Set<String> TOP_LEVEL = Set.of("imageType", "featureClass", "setting", "voxelSetting");
    private static final Set<String> FILTER_IMAGE_TYPES = Set.of("LoG", "Wavelet", "Square", "SquareRoot", "Logarithm",
            "Exponential", "Gradient", "LBP2D", "LBP3D");

    private PyRadiomicsParamsReader() {}

    public static PyRadiomicsSettings read(Path file) throws SettingsException {
        JsonNode root = YamlFiles.readTree(file, "parameter file");
        if (!root.isObject()) throw new SettingsException(file, "expected a map with imageType, featureClass and setting");
        try {
            return parse(file, root);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(file, e.getMessage());
        }
    }

    private static PyRadiomicsSettings parse(Path file, JsonNode root) throws SettingsException {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP_LEVEL.contains(k)) throw new SettingsException(file, k + ": unknown key (expected imageType, featureClass, setting)");
        }
        JsonNode voxel = root.get("voxelSetting");
        if (voxel != null && !voxel.isNull()) throw new SettingsException(file, "voxelSetting: voxel-based extraction is not supported");

        PyRadiomicsSettings.Builder b = new PyRadiomicsSettings.Builder();
        JsonNode settings = root.get("setting");
        if (settings != null && !settings.isNull()) {
            if (!settings.isObject()) throw new SettingsException(file, "setting: expected a map");
            applySettings(file, "setting", settings, b);
        }
        JsonNode imageTypes = root.get("imageType");
        if (imageTypes != null && !imageTypes.isNull()) {
            if (!imageTypes.isObject()) throw new SettingsException(file, "imageType: expected a map");
            for (Iterator<Map.Entry<String, JsonNode>> it = imageTypes.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String type = e.getKey();
                if (FILTER_IMAGE_TYPES.contains(type)) {
                    throw new SettingsException(file, "imageType." + type + ": only the Original image type is supported");
                }
                if (!type.equals("Original")) throw new SettingsException(file, "imageType." + type + ": unknown image type");
                JsonNode custom = e.getValue();
                if (custom != null && !custom.isNull()) {
                    if (!custom.isObject()) throw new SettingsException(file, "imageType.Original: expected a map of settings");
                    applySettings(file, "imageType.Original", custom, b);
                }
            }
        }
        JsonNode classes = root.get("featureClass");
        if (classes == null || classes.isNull() || classes.isEmpty()) {
            for (FeatureClass c : FeatureClass.values()) b.enable(c, List.of());
        } else {
            if (!classes.isObject()) throw new SettingsException(file, "featureClass: expected a map of feature classes");
            for (Iterator<Map.Entry<String, JsonNode>> it = classes.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                FeatureClass c = FeatureClass.byPyName(e.getKey());
                if (c == null) throw new SettingsException(file, "featureClass." + e.getKey() + ": unknown feature class");
                List<String> features = new ArrayList<>();
                JsonNode list = e.getValue();
                if (list != null && !list.isNull()) {
                    if (!list.isArray()) throw new SettingsException(file, "featureClass." + e.getKey() + ": expected a list of feature names or nothing");
                    for (JsonNode f : list) {
                        if (!f.isTextual()) throw new SettingsException(file, "featureClass." + e.getKey() + ": expected feature names, found '" + f.asText() + "'");
                        if (!c.accepts(f.asText())) throw new SettingsException(file, "featureClass." + e.getKey() + ": unknown feature '" + f.asText() + "'");
                        features.add(f.asText());
                    }
                }
                b.enable(c, features);
            }
        }
        return b.build();
    }

    private static void applySettings(Path file, String section, JsonNode node, PyRadiomicsSettings.Builder b) throws SettingsException {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Value v = new Value(file, section + "." + e.getKey(), e.getValue());
            switch (e.getKey()) {
                case "minimumROIDimensions" -> { if (!v.isNull()) b.minimumRoiDimensions(v.integer(1, 3)); }
                case "minimumROISize" -> b.minimumRoiSize(v.isNull() ? null : v.integer(1, Integer.MAX_VALUE));
                case "geometryTolerance" -> b.geometryTolerance(v.isNull() ? null : v.positive());
                case "correctMask" -> { if (!v.isNull()) b.correctMask(v.bool()); }
                case "additionalInfo" -> { if (!v.isNull()) v.bool(); } // diagnostics are not produced
                case "label" -> { if (!v.isNull()) b.label(v.integer(1, Integer.MAX_VALUE)); }
                case "label_channel" -> { if (!v.isNull()) v.integer(0, Integer.MAX_VALUE); } // scalar masks only
                case "binWidth" -> { if (!v.isNull()) b.binWidth(v.positive()); }
                case "binCount" -> b.binCount(v.isNull() ? null : v.integer(1, Integer.MAX_VALUE));
                case "normalize" -> { if (!v.isNull()) b.normalize(v.bool()); }
                case "normalizeScale" -> { if (!v.isNull()) b.normalizeScale(v.positive()); }
                case "removeOutliers" -> b.removeOutliers(v.isNull() ? null : v.positive());
                case "resampledPixelSpacing" -> b.resampledPixelSpacing(v.isNull() ? null : v.numbers(0));
                case "interpolator" -> b.interpolator(v.isNull() ? null : v.interpolator());
                case "padDistance" -> { if (!v.isNull()) b.padDistance(v.integer(0, Integer.MAX_VALUE)); }
                case "distances" -> { if (!v.isNull()) b.distances(v.integers(1)); }
                case "force2D" -> { if (!v.isNull()) b.force2D(v.bool()); }
                case "force2Ddimension" -> { if (!v.isNull()) b.force2Ddimension(v.integer(0, 2)); }
                case "resegmentRange" -> b.resegmentRange(v.isNull() ? null : v.numbers(Double.NEGATIVE_INFINITY));
                case "resegmentMode" -> { if (!v.isNull()) b.resegmentMode(ResegmentMode.byPyName(v.text())); }
                case "resegmentShape" -> { if (!v.isNull()) b.resegmentShape(v.bool()); }
                case "preCrop" -> { if (!v.isNull()) b.preCrop(v.bool()); }
                case "voxelArrayShift" -> { if (!v.isNull()) b.voxelArrayShift(v.integer(Integer.MIN_VALUE, Integer.MAX_VALUE)); }
                case "symmetricalGLCM" -> { if (!v.isNull()) b.symmetricalGlcm(v.bool()); }
                case "weightingNorm" -> b.weightingNorm(v.isNull() ? null : WeightingNorm.byPyName(v.text()));
                case "gldm_a" -> { if (!v.isNull()) b.gldmA(v.integer(0, Integer.MAX_VALUE)); }
                // settings of image filters: validated, without effect on the Original image
                case "sigma" -> { if (!v.isNull()) v.numbers(Double.MIN_VALUE); }
                case "start_level", "lbp3DIcosphereSubdivision" -> { if (!v.isNull()) v.integer(0, Integer.MAX_VALUE); }
                case "level", "lbp2DSamples", "lbp3DLevels" -> { if (!v.isNull()) v.integer(1, Integer.MAX_VALUE); }
                case "wavelet" -> { if (!v.isNull()) v.text(); }
                case "gradientUseSpacing" -> { if (!v.isNull()) v.bool(); }
                case "lbp2DRadius", "lbp3DIcosphereRadius" -> { if (!v.isNull()) v.positive(); }
                case "lbp2DMethod" -> {
                    if (!v.isNull() && !Set.of("default", "ror", "uniform", "var").contains(v.text())) {
                        throw v.error("'" + v.text() + "' is not one of default, ror, uniform, var");
                    }
                }
                default -> throw v.error("unknown key");
            }
        }
    }

    /** One setting's value, with type checks whose errors name the key. */
    private record Value(Path file, String key, JsonNode node) {
        boolean isNull() { return node == null || node.isNull(); }

        SettingsException error(String problem) { return new SettingsException(file, key + ": " + problem); }

        boolean bool() throws SettingsException {
            if (!node.isBoolean()) throw error("expected true or false, found '" + node.asText() + "'");
            return node.booleanValue();
        }

        int integer(int min, int max) throws SettingsException {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) throw error("expected an integer, found '" + node.asText() + "'");
            int v = node.intValue();
            if (v < min || v > max) throw error(max == Integer.MAX_VALUE ? "must be >= " + min + ", was " + v : "must be from " + min + " to " + max + ", was " + v);
            return v;
        }

        double number() throws SettingsException {
            if (!node.isNumber()) throw error("expected a number, found '" + node.asText() + "'");
            double v = node.doubleValue();
            if (!Double.isFinite(v)) throw error("must be finite");
            return v;
        }

        double positive() throws SettingsException {
            double v = number();
            if (!(v > 0)) throw error("must be > 0, was " + node.asText());
            return v;
        }

        String text() throws SettingsException {
            if (!node.isTextual()) throw error("expected text, found '" + node.asText() + "'");
            return node.textValue();
        }

        List<Double> numbers(double min) throws SettingsException {
            if (!node.isArray()) throw error("expected a list of numbers");
            List<Double> out = new ArrayList<>();
            for (JsonNode n : node) {
                Value item = new Value(file, key, n);
                double v = item.number();
                if (v < min) throw error("values must be >= " + min + ", found " + n.asText());
                out.add(v);
            }
            return out;
        }

        List<Integer> integers(int min) throws SettingsException {
            if (!node.isArray()) throw error("expected a list of integers");
            List<Integer> out = new ArrayList<>();
            for (JsonNode n : node) out.add(new Value(file, key, n).integer(min, Integer.MAX_VALUE));
            return out;
        }

        /** A SimpleITK interpolator by name (or by its enumeration number). */
        Interpolator interpolator() throws SettingsException {
            String name;
            if (node.isIntegralNumber()) {
                name = switch (node.intValue()) {
                    case 1 -> "sitkNearestNeighbor";
                    case 2 -> "sitkLinear";
                    case 3 -> "sitkBSpline";
                    default -> "SimpleITK interpolator " + node.intValue();
                };
            } else {
                name = text();
            }
            Interpolator i = Interpolator.bySitkName(name);
            if (i == null) throw error("'" + name + "' is not supported; use sitkNearestNeighbor, sitkLinear or sitkBSpline");
            return i;
        }
    }
}
