package org.radiome.engine.settings;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.radiome.features.ExtractionSettings;
import org.radiome.features.Family;
import org.radiome.features.discretisation.DiscretisationSettings;
import org.radiome.features.glcm.GlcmSettings;
import org.radiome.features.gldzm.GldzmSettings;
import org.radiome.features.glrlm.GlrlmSettings;
import org.radiome.features.glszm.GlszmSettings;
import org.radiome.features.ivh.IvhSettings;
import org.radiome.features.ngldm.NgldmSettings;
import org.radiome.features.ngtdm.NgtdmSettings;
import org.radiome.features.preprocess.InterpolationSettings;
import org.radiome.features.preprocess.Interpolator;
import org.radiome.features.preprocess.PreprocessingSettings;
import org.radiome.features.preprocess.ResegmentationSettings;
import org.radiome.features.texture.TextureDimension;

/**
 * Reads a Radiome settings file (YAML) into {@link ExtractionSettings}. The format is documented in
 * the README ("Settings"); every key is checked: an unknown key or an out-of-range value is an error
 * naming the key, never silently ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class SettingsReader {
    private SettingsReader() {}

    public static ExtractionSettings read(Path file) throws SettingsException {
        JsonNode root = YamlFiles.readTree(file, "settings file");
        try {
            return parse(new Section(file, "", root));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(file, e.getMessage());
        }
    }

    private static ExtractionSettings parse(Section root) throws SettingsException {
        root.optionalText("description");
        Set<Family> families = EnumSet.allOf(Family.class);
        JsonNode famNode = root.node("families");
        if (famNode != null) {
            families = EnumSet.noneOf(Family.class);
            for (String prefix : root.textList("families", famNode)) {
                try {
                    families.add(Family.byPrefix(prefix));
                } catch (IllegalArgumentException e) {
                    throw root.error("families", e.getMessage());
                }
            }
        }

        PreprocessingSettings preprocessing = parsePreprocessing(root);
        ResegmentationSettings reseg = preprocessing.resegmentation();

        Section disc = root.section("discretisation", true);
        DiscretisationSettings discretisation = switch (disc.choice("method", "none", "fixed_bin_size", "fixed_bin_number")) {
            case "fixed_bin_size" -> {
                // IBSI: X_min of fixed bin size is the lower bound of the re-segmentation range
                Double lower = disc.optionalDouble("lower_bound");
                yield DiscretisationSettings.fixedBinSize(disc.positiveDouble("bin_width"), lower != null ? lower : reseg.lower());
            }
            case "fixed_bin_number" -> DiscretisationSettings.fixedBinNumber(disc.intAtLeast("bin_count", 1));
            default -> DiscretisationSettings.none();
        };
        disc.finish();

        Section ivhSection = root.section("ivh", false);
        IvhSettings ivh;
        if (ivhSection == null) {
            ivh = IvhSettings.discrete(reseg.lower(), reseg.upper());
        } else {
            String method = ivhSection.choice("method", "none", "fixed_bin_size", "fixed_bin_number");
            double[] range = ivhSection.optionalRange("range");
            // IBSI: the re-segmentation range is the IVH's total range unless the settings give one
            Double lo = range == null ? reseg.lower() : (Double) range[0];
            Double hi = range == null ? reseg.upper() : (Double) range[1];
            ivh = switch (method) {
                case "fixed_bin_size" -> {
                    if (lo == null) throw ivhSection.error("range", "fixed_bin_size needs range: [min, max] (or a resegmentation range)");
                    yield new IvhSettings(IvhSettings.Method.FIXED_BIN_SIZE, ivhSection.positiveDouble("bin_width"), 0, lo, hi);
                }
                case "fixed_bin_number" -> new IvhSettings(IvhSettings.Method.FIXED_BIN_NUMBER, 1, ivhSection.intAtLeast("bin_count", 1), lo, hi);
                default -> IvhSettings.discrete(lo, hi);
            };
            ivhSection.finish();
        }

        Section texture = root.section("texture", false);
        Set<TextureDimension> dims = EnumSet.of(TextureDimension.THREE_D);
        int glcmDistance = 1, ngtdmDistance = 1, ngldmDistance = 1, ngldmCoarseness = 0;
        boolean symmetric = true;
        if (texture != null) {
            JsonNode dn = texture.node("dimensions");
            if (dn != null) {
                dims = EnumSet.noneOf(TextureDimension.class);
                for (String d : texture.textList("dimensions", dn)) {
                    try {
                        dims.add(TextureDimension.parse(d));
                    } catch (IllegalArgumentException e) {
                        throw texture.error("dimensions", e.getMessage());
                    }
                }
                if (dims.isEmpty()) throw texture.error("dimensions", "must list at least one of 2D, 2.5D, 3D");
            }
            Section glcm = texture.section("glcm", false);
            if (glcm != null) {
                glcmDistance = glcm.optionalIntAtLeast("distance", 1, 1);
                symmetric = glcm.optionalBoolean("symmetric", true);
                glcm.finish();
            }
            Section ngtdm = texture.section("ngtdm", false);
            if (ngtdm != null) {
                ngtdmDistance = ngtdm.optionalIntAtLeast("distance", 1, 1);
                ngtdm.finish();
            }
            Section ngldm = texture.section("ngldm", false);
            if (ngldm != null) {
                ngldmDistance = ngldm.optionalIntAtLeast("distance", 1, 1);
                ngldmCoarseness = ngldm.optionalIntAtLeast("coarseness", 0, 0);
                ngldm.finish();
            }
            texture.finish();
        }
        root.finish();
        return new ExtractionSettings(families, discretisation, ivh,
                new GlcmSettings(glcmDistance, symmetric, dims), new GlrlmSettings(dims), new GlszmSettings(dims),
                new GldzmSettings(dims), new NgtdmSettings(ngtdmDistance, dims), new NgldmSettings(ngldmDistance, ngldmCoarseness, dims),
                preprocessing);
    }

    /** The keys {@code round_intensities}, {@code diagnostics} and the sections {@code interpolation} and {@code resegmentation}. */
    private static PreprocessingSettings parsePreprocessing(Section root) throws SettingsException {
        boolean round = root.optionalBoolean("round_intensities", false);
        boolean diagnostics = root.optionalBoolean("diagnostics", false);

        InterpolationSettings interpolation = null;
        Section interp = root.section("interpolation", false);
        if (interp != null) {
            Double[] spacing = interp.spacing("spacing");
            Interpolator image = interp.interpolator("image", null);
            Interpolator mask = interp.interpolator("mask", Interpolator.LINEAR);
            if (mask == Interpolator.CUBIC_SPLINE) throw interp.error("mask", "must be nearest or linear (a cubic spline gives no meaningful mask)");
            double threshold = interp.optionalDouble("partial_volume_threshold", 0.5);
            if (!(threshold > 0 && threshold <= 1)) throw interp.error("partial_volume_threshold", "must lie in (0, 1], was " + threshold);
            interp.finish();
            interpolation = new InterpolationSettings(spacing[0], spacing[1], spacing[2], image, mask, threshold);
        }

        ResegmentationSettings reseg = ResegmentationSettings.none();
        Section rs = root.section("resegmentation", false);
        if (rs != null) {
            Double[] range = rs.openRange("range");
            Double sigma = rs.optionalDouble("outlier_sigma");
            if (sigma != null && !(sigma > 0)) throw rs.error("outlier_sigma", "must be > 0, was " + sigma);
            rs.finish();
            reseg = new ResegmentationSettings(range[0], range[1], sigma);
        }
        return new PreprocessingSettings(round, interpolation, reseg, diagnostics);
    }

    /** A YAML mapping that remembers which keys were read, so unknown keys can be reported. */
    private static final class Section {
        private final Path file;
        private final String path;
        private final JsonNode node;
        private final Set<String> used = new LinkedHashSet<>();

        Section(Path file, String path, JsonNode node) throws SettingsException {
            this.file = file;
            this.path = path;
            this.node = node;
            if (!node.isObject()) {
                throw new SettingsException(file, (path.isEmpty() ? "top level" : path) + ": expected a mapping of keys to values");
            }
        }

        String key(String k) { return path.isEmpty() ? k : path + "." + k; }

        SettingsException error(String k, String problem) { return new SettingsException(file, key(k) + ": " + problem); }

        JsonNode node(String k) {
            used.add(k);
            JsonNode n = node.get(k);
            return n == null || n.isNull() ? null : n;
        }

        Section section(String k, boolean required) throws SettingsException {
            JsonNode n = node(k);
            if (n == null) {
                if (required) throw error(k, "missing (required)");
                return null;
            }
            return new Section(file, key(k), n);
        }

        String choice(String k, String... allowed) throws SettingsException {
            JsonNode n = node(k);
            if (n == null) throw error(k, "missing; one of " + String.join(", ", allowed));
            String v = n.asText().trim().toLowerCase(Locale.ROOT);
            for (String a : allowed) if (a.equals(v)) return a;
            throw error(k, "'" + n.asText() + "' is not one of " + String.join(", ", allowed));
        }

        void optionalText(String k) throws SettingsException {
            JsonNode n = node(k);
            if (n != null && !n.isValueNode()) throw error(k, "expected text");
        }

        double number(String k, JsonNode n) throws SettingsException {
            if (!n.isNumber()) throw error(k, "expected a number, found '" + n.asText() + "'");
            double v = n.asDouble();
            if (!Double.isFinite(v)) throw error(k, "must be finite");
            return v;
        }

        double positiveDouble(String k) throws SettingsException {
            JsonNode n = node(k);
            if (n == null) throw error(k, "missing (required)");
            double v = number(k, n);
            if (!(v > 0)) throw error(k, "must be > 0, was " + n.asText());
            return v;
        }

        Double optionalDouble(String k) throws SettingsException {
            JsonNode n = node(k);
            return n == null ? null : number(k, n);
        }

        int intAtLeast(String k, int min) throws SettingsException {
            JsonNode n = node(k);
            if (n == null) throw error(k, "missing (required)");
            return checkedInt(k, n, min);
        }

        int optionalIntAtLeast(String k, int min, int dflt) throws SettingsException {
            JsonNode n = node(k);
            return n == null ? dflt : checkedInt(k, n, min);
        }

        private int checkedInt(String k, JsonNode n, int min) throws SettingsException {
            if (!n.isIntegralNumber() || !n.canConvertToInt()) throw error(k, "expected an integer, found '" + n.asText() + "'");
            int v = n.asInt();
            if (v < min) throw error(k, "must be >= " + min + ", was " + v);
            return v;
        }

        boolean optionalBoolean(String k, boolean dflt) throws SettingsException {
            JsonNode n = node(k);
            if (n == null) return dflt;
            if (!n.isBoolean()) throw error(k, "expected true or false, found '" + n.asText() + "'");
            return n.asBoolean();
        }

        double optionalDouble(String k, double dflt) throws SettingsException {
            JsonNode n = node(k);
            return n == null ? dflt : number(k, n);
        }

        /** [x, y, z] spacings in mm; null (or ~) keeps that axis. */
        Double[] spacing(String k) throws SettingsException {
            JsonNode n = node(k);
            if (n == null) throw error(k, "missing (required): [x, y, z] in mm, null to keep an axis, e.g. [2, 2, null] for in-plane only");
            if (!n.isArray() || n.size() != 3) throw error(k, "expected [x, y, z] in mm (null keeps an axis), found '" + n + "'");
            Double[] out = new Double[3];
            boolean any = false;
            for (int a = 0; a < 3; a++) {
                JsonNode e = n.get(a);
                if (e == null || e.isNull()) continue;
                double v = number(k, e);
                if (!(v > 0)) throw error(k, "spacing must be > 0, was " + e.asText());
                out[a] = v;
                any = true;
            }
            if (!any) throw error(k, "sets no axis; leave out the interpolation section to keep the native grid");
            return out;
        }

        Interpolator interpolator(String k, Interpolator dflt) throws SettingsException {
            JsonNode n = node(k);
            if (n == null) {
                if (dflt == null) throw error(k, "missing; one of nearest, linear, cubic_spline");
                return dflt;
            }
            try {
                return Interpolator.parse(n.asText());
            } catch (IllegalArgumentException e) {
                throw error(k, e.getMessage());
            }
        }

        /** [min, max] where either end may be null (open); absent: both open. */
        Double[] openRange(String k) throws SettingsException {
            JsonNode n = node(k);
            if (n == null) return new Double[2];
            if (!n.isArray() || n.size() != 2) throw error(k, "expected [min, max] (null for an open end)");
            Double lo = n.get(0).isNull() ? null : number(k, n.get(0));
            Double hi = n.get(1).isNull() ? null : number(k, n.get(1));
            if (lo != null && hi != null && !(lo <= hi)) throw error(k, "min must not exceed max, was [" + lo + ", " + hi + "]");
            return new Double[] {lo, hi};
        }

        double[] optionalRange(String k) throws SettingsException {
            JsonNode n = node(k);
            if (n == null) return null;
            if (!n.isArray() || n.size() != 2) throw error(k, "expected [min, max]");
            double lo = number(k, n.get(0)), hi = number(k, n.get(1));
            if (!(lo < hi)) throw error(k, "min must be below max, was [" + lo + ", " + hi + "]");
            return new double[] {lo, hi};
        }

        Iterable<String> textList(String k, JsonNode n) throws SettingsException {
            Set<String> out = new LinkedHashSet<>();
            if (n.isTextual()) {
                for (String part : n.asText().split(",")) if (!part.isBlank()) out.add(part.trim());
            } else if (n.isArray()) {
                for (JsonNode e : n) {
                    if (!e.isValueNode()) throw error(k, "expected a list of names");
                    out.add(e.asText().trim());
                }
            } else {
                throw error(k, "expected a list");
            }
            return out;
        }

        /** Fails on the first key that no reader asked for. */
        void finish() throws SettingsException {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                String k = it.next().getKey();
                if (!used.contains(k)) throw error(k, "unknown key");
            }
        }
    }
}
