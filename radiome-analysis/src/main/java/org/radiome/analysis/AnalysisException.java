package org.radiome.analysis;

/**
 * The data cannot support the requested analysis (a constant feature, a group with one level, a response
 * with one class, perfect separation, ...). The message is one line naming the column and the problem,
 * never a patient identifier.
 */
public class AnalysisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }
}
