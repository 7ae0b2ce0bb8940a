package org.radiome.engine.batch;

import java.nio.file.Path;

/** A manifest that cannot be used; the message names the file, the line where there is one, and the problem. */
public final class ManifestException extends Exception {
    private static final long serialVersionUID = 1L;

    public ManifestException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ManifestException(Path file, long line, String problem) {
        super(file + " line " + line + ": " + problem);
    }
}
