package org.radiome.engine.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One row of a batch manifest: what to extract for one case.
 *
 * @param index       position in the manifest (0-based, header excluded); the output keeps this order
 * @param caseId      the {@code case_id} column, as written
 * @param image       the image, resolved against the manifest's folder
 * @param mask        the segmentation, resolved against the manifest's folder
 * @param roi         the {@code roi} column, or null when absent or empty
 * @param series      the {@code series} column (a DICOM series selector), or null when absent or empty
 * @param passthrough the values of the manifest's other columns, in {@link Manifest#passthroughColumns()} order
 */
public record CaseTask(int index, String caseId, Path image, Path mask, String roi, String series, List<String> passthrough) {
    public CaseTask {
        if (index < 0) throw new IllegalArgumentException("index must be >= 0, was " + index);
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
        passthrough = List.copyOf(passthrough);
    }
}
