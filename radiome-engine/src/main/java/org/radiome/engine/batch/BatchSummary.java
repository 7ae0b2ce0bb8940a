package org.radiome.engine.batch;

import java.util.List;

/**
 * How a batch run ended.
 *
 * @param cases    cases in the manifest
 * @param resumed  cases taken from the journal of an interrupted run
 * @param computed cases computed by this run, well or not
 * @param rows     rows in the feature table (one per case and ROI)
 * @param failures the failed cases, in manifest order
 */
public record BatchSummary(int cases, int resumed, int computed, long rows, List<CaseFailure> failures) {
    public BatchSummary {
        failures = List.copyOf(failures);
    }
}
