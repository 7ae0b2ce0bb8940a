package org.radiome.engine.extract;

import java.nio.file.Path;

/** A case that cannot be extracted; the message names the file (or case) and the problem in one line. */
public final class ExtractionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExtractionException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
