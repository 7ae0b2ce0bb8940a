package org.radiome.analysis.study;

import org.radiome.analysis.AnalysisException;

/** A study that cannot run as specified: a bad spec key, a missing column, a fold without both classes … */
public final class StudyException extends AnalysisException {
    private static final long serialVersionUID = 1L;

    public StudyException(String message) {
        super(message);
    }
}
