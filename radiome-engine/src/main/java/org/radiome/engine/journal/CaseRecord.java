package org.radiome.engine.journal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One finished case as the journal holds it.
 *
 * @param index  the case's position in the manifest
 * @param caseId the case's id, checked against the manifest on resume
 * @param inputs input role ({@code image}, {@code mask}) to the file's SHA-256
 * @param rois   the case's ROIs, in output order
 */
public record CaseRecord(int index, String caseId, Map<String, String> inputs, List<RoiValues> rois) {
    public CaseRecord {
        Objects.requireNonNull(caseId, "caseId");
        inputs = Map.copyOf(inputs);
        rois = List.copyOf(rois);
    }

    /** The features of one ROI: parallel arrays of tags and values, in computation order. */
    public record RoiValues(String roi, String[] tags, double[] values) {
        public RoiValues {
            Objects.requireNonNull(roi, "roi");
            if (tags.length != values.length) throw new IllegalArgumentException(tags.length + " tags but " + values.length + " values");
        }
    }
}
