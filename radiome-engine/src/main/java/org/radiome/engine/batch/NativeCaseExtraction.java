package org.radiome.engine.batch;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

import org.radiome.engine.extract.CaseExtractor;
import org.radiome.engine.extract.ExtractionException;
import org.radiome.engine.extract.RoiResult;
import org.radiome.engine.provenance.Checksums;
import org.radiome.features.ExtractionSettings;

/**
 * Radiome's IBSI mode for batches: each case goes through {@link CaseExtractor}. A row's
 * {@code roi} selects one label; without it the ROI is every non-zero voxel, or, with
 * {@code allRois}, every label as its own ROI.
 *
 * <p>Immutable and thread-safe.
 *
 * @param settings     the parsed settings
 * @param settingsText the settings file's text, recorded in the fingerprint and the provenance
 * @param settingsName the settings file as given on the command line (provenance only)
 * @param allRois      every label of the mask as its own ROI when a row names none
 */
public record NativeCaseExtraction(ExtractionSettings settings, String settingsText, String settingsName, boolean allRois)
        implements CaseExtraction {
    public NativeCaseExtraction {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(settingsText, "settingsText");
        Objects.requireNonNull(settingsName, "settingsName");
    }

    @Override
    public List<RoiResult> extract(CaseTask task, ExecutorService insideCase) throws ExtractionException {
        if (task.series() != null) {
            throw new ExtractionException(task.image(), "the manifest selects DICOM series " + task.series()
                    + ", but series selection needs a DICOM reader, which this build lacks");
        }
        if (task.roi() == null && allRois) {
            return CaseExtractor.extractAllRois(task.caseId(), task.image(), task.mask(), settings, insideCase);
        }
        return List.of(CaseExtractor.extract(task.caseId(), task.image(), task.mask(), task.roi(), settings, insideCase));
    }

    @Override
    public String fingerprint() {
        return "mode=native\nall_rois=" + allRois + "\nsettings_sha256="
                + Checksums.sha256(settingsText.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mode", "native (IBSI)");
        p.put("all_rois", allRois);
        p.put("settings_file", settingsName);
        p.put("settings_sha256", Checksums.sha256(settingsText.getBytes(StandardCharsets.UTF_8)));
        p.put("settings_text", settingsText);
        return p;
    }
}
