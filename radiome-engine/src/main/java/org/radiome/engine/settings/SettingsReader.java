package org.radiome.engine.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

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
import org.radiome.features.texture.TextureDimension;

/**
 * Reads a Radiome settings file (YAML) into {@link ExtractionSettings}. The format is documented in
 * the README ("Settings"); every key is checked: an unknown key or an out-of-range value is an error
 * naming the key, never silently ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class SettingsReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SettingsReader() {}

    public static ExtractionSettings read(Path file) throws SettingsException {
        if (!Files.isRegularFile(file)) throw new SettingsException(file, "settings file not found");
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new SettingsException(file, "not valid YAML: " + e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new SettingsException(file, "cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) throw new SettingsException(file, "settings file is empty");
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

        Section disc = root.section("discretisation", true);
        DiscretisationSettings discretisation = switch (disc.choice("method", "none", "fixed_bin_size", "fixed_bin_number")) {
            case "fixed_bin_size" -> DiscretisationSettings.fixedBinSize(disc.positiveDouble("bin_width"), disc.optionalDouble("lower_bound"));
            case "fixed_bin_number" -> DiscretisationSettings.fixedBinNumber(disc.intAtLeast("bin_count", 1));
            default -> DiscretisationSettings.none();
        };
        disc.finish();

        Section ivhSection = root.section("ivh", false);
        IvhSettings ivh;
        if (ivhSection == null) {
            ivh = IvhSettings.discrete(null, null);
        } else {
            String method = ivhSection.choice("method", "none", "fixed_bin_size", "fixed_bin_number");
            double[] range = ivhSection.optionalRange("range");
            Double lo = range == null ? null : range[0];
            Double hi = range == null ? null : range[1];
            ivh = switch (method) {
                case "fixed_bin_size" -> {
                    if (lo == null) throw ivhSection.error("range", "fixed_bin_size needs range: [min, max]");
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
                new GldzmSettings(dims), new NgtdmSettings(ngtdmDistance, dims), new NgldmSettings(ngldmDistance, ngldmCoarseness, dims));
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
