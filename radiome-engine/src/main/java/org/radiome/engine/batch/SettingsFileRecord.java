package org.radiome.engine.batch;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.radiome.engine.provenance.Checksums;

/**
 * How a {@link CaseExtraction} driven by one settings file records that file: the journal fingerprint (mode,
 * all-ROIs option, the text's SHA-256) and the provenance entries (mode, all-ROIs option, the file as given, its
 * SHA-256 and text). Each mode keeps its own key names, so journals and provenance files stay as they were.
 */
final class SettingsFileRecord {
    private SettingsFileRecord() { }

    /** {@code mode=MODE\nall_rois=B\nSHAKEY=SHA256\n}. */
    static String fingerprint(String mode, boolean allRois, String shaKey, String text) {
        return "mode=" + mode + "\nall_rois=" + allRois + "\n" + shaKey + "=" + sha256(text) + "\n";
    }

    /** mode, all_rois, then PREFIX_file, PREFIX_sha256 and PREFIX_text, in that order. */
    static Map<String, Object> provenance(String mode, boolean allRois, String prefix, String name, String text) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mode", mode);
        p.put("all_rois", allRois);
        p.put(prefix + "_file", name);
        p.put(prefix + "_sha256", sha256(text));
        p.put(prefix + "_text", text);
        return p;
    }

    private static String sha256(String text) {
        return Checksums.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
