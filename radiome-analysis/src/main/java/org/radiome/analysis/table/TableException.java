package org.radiome.analysis.table;

/**
 * A table or an analysis cannot use its input: the message is one line that names the file (or column)
 * and the problem, never a patient identifier.
 */
public final class TableException extends org.radiome.analysis.AnalysisException {
    private static final long serialVersionUID = 1L;

    public TableException(String message) {
        super(message);
    }
}
