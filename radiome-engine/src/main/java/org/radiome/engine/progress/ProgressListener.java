package org.radiome.engine.progress;

/** Hears how a batch advances. Implementations must be thread-safe: cases finish on several threads. */
public interface ProgressListener {
    /**
     * @param total       cases in the manifest
     * @param alreadyDone cases found in the journal of an interrupted run
     */
    void started(int total, int alreadyDone);

    /** One case finished, well ({@code ok}) or failed. */
    void caseFinished(boolean ok);

    /** The batch is over (the last call). */
    void finished();

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override public void started(int total, int alreadyDone) { }
        @Override public void caseFinished(boolean ok) { }
        @Override public void finished() { }
    };
}
