package org.radiome.engine.batch;

import java.util.Objects;

/**
 * @param threads        worker threads (cases in parallel, and the pool for work inside a case)
 * @param radiomeVersion the software version, recorded in the provenance and the journal's fingerprint
 */
public record BatchOptions(int threads, String radiomeVersion) {
    public BatchOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        Objects.requireNonNull(radiomeVersion, "radiomeVersion");
    }
}
