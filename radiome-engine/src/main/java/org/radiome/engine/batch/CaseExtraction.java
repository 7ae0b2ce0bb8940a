package org.radiome.engine.batch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import org.radiome.engine.extract.ExtractionException;
import org.radiome.engine.extract.RoiResult;

/**
 * The seam between the batch engine and a feature extraction mode: one case in, its ROIs' features
 * out. The engine schedules, journals and writes; an implementation only computes. Implementations
 * must be thread-safe: the engine calls {@link #extract} from several threads at once.
 *
 * <p>Radiome's own IBSI mode is {@link NativeCaseExtraction}; other modes (PyRadiomics parameter
 * files, …) implement this interface and are handed to {@link BatchExtractor} the same way.
 */
public interface CaseExtraction {
    /**
     * The features of every ROI this case asks for, one {@link RoiResult} per ROI, in a stable
     * order. Every problem with the case's input is an {@link ExtractionException} whose message
     * starts with the offending file when there is one ({@code file: problem}).
     *
     * @param insideCase an executor for parallel work inside the case (families, ROIs), or null to
     *                   work on the calling thread only; the engine passes one when fewer cases than
     *                   threads remain
     */
    List<RoiResult> extract(CaseTask task, ExecutorService insideCase) throws ExtractionException;

    /**
     * What this extraction computes, as a stable text: the mode, its options and the settings'
     * content. Part of the journal's fingerprint, so that a resumed run never mixes results of
     * different settings.
     */
    String fingerprint();

    /** How this extraction is configured, for the provenance file (mode, settings text, checksum, options). */
    Map<String, Object> provenance();
}
