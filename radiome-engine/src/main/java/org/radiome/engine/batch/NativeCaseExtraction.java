package org.radiome.engine.batch;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

import org.radiome.engine.extract.CaseExtractor;
import org.radiome.engine.extract.ExtractionException;
import org.radiome.engine.extract.RoiResult;
import org.radiome.features.ExtractionSettings;
import org.radiome.image.io.ImageReadOptions;

/**
 * Radiome's IBSI mode for batches: each case goes through {@link CaseExtractor}. A row's
 * {@code roi} selects one ROI (a label, RTSTRUCT ROI name or SEG segment) and {@code series} a DICOM series;
 * without a ROI it is the mask's default ROI, or, with {@code allRois}, every ROI of the mask as its own row.
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
        ImageReadOptions options = ImageReadOptions.DEFAULT.withSeries(task.series());
        if (task.roi() == null && allRois) {
            return CaseExtractor.extractAll(task.caseId(), task.image(), task.mask(), settings, options, insideCase);
        }
        return List.of(CaseExtractor.extract(task.caseId(), task.image(), task.mask(), task.roi(), settings, options, insideCase));
    }

    @Override
    public String fingerprint() {
        return SettingsFileRecord.fingerprint("native", allRois, "settings_sha256", settingsText);
    }

    @Override
    public Map<String, Object> provenance() {
        return SettingsFileRecord.provenance("native (IBSI)", allRois, "settings", settingsName, settingsText);
    }
}
