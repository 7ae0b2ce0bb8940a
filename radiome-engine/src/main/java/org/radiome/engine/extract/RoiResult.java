package org.radiome.engine.extract;

import java.util.Objects;

import org.radiome.features.FeatureSet;

/** The features of one ROI of one case. */
public record RoiResult(String caseId, String roi, FeatureSet features) {
    public RoiResult {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(roi, "roi");
        Objects.requireNonNull(features, "features");
    }
}
