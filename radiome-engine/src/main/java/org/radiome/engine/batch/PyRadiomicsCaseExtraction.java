package org.radiome.engine.batch;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

import org.radiome.engine.extract.ExtractionException;
import org.radiome.engine.extract.PyRadiomicsCaseExtractor;
import org.radiome.engine.extract.RoiResult;
import org.radiome.features.pyradiomics.PyRadiomicsSettings;

/**
 * PyRadiomics-compatible mode for batches: each case goes through {@link PyRadiomicsCaseExtractor}. A row's
 * {@code roi} is a label number overriding the parameter file's {@code label}; without it the file's label is
 * used, or, with {@code allRois}, every label of the mask as its own row. DICOM series are not read in this mode.
 *
 * <p>Immutable and thread-safe.
 *
 * @param settings   the parsed parameter file
 * @param paramsText the parameter file's text, recorded in the fingerprint and the provenance
 * @param paramsName the parameter file as given on the command line (provenance only)
 * @param allRois    every label of the mask as its own ROI when a row names none
 */
public record PyRadiomicsCaseExtraction(PyRadiomicsSettings settings, String paramsText, String paramsName, boolean allRois)
        implements CaseExtraction {
    public PyRadiomicsCaseExtraction {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(paramsText, "paramsText");
        Objects.requireNonNull(paramsName, "paramsName");
    }

    @Override
    public List<RoiResult> extract(CaseTask task, ExecutorService insideCase) throws ExtractionException {
        if (task.series() != null) {
            throw new ExtractionException(task.image(), "PyRadiomics-compatible mode reads NIfTI and NRRD images only; "
                    + "the manifest selects DICOM series " + task.series());
        }
        if (task.roi() == null && allRois) {
            return PyRadiomicsCaseExtractor.extractAll(task.caseId(), task.image(), task.mask(), settings);
        }
        Integer label = null;
        if (task.roi() != null) {
            try {
                label = Integer.valueOf(task.roi().trim());
            } catch (NumberFormatException e) {
                throw new ExtractionException(task.mask(), "roi '" + task.roi() + "' is not a label number");
            }
        }
        return List.of(PyRadiomicsCaseExtractor.extract(task.caseId(), task.image(), task.mask(), label, settings));
    }

    @Override
    public String fingerprint() {
        return SettingsFileRecord.fingerprint("pyradiomics", allRois, "params_sha256", paramsText);
    }

    @Override
    public Map<String, Object> provenance() {
        return SettingsFileRecord.provenance("PyRadiomics-compatible", allRois, "pyradiomics_params", paramsName, paramsText);
    }
}
