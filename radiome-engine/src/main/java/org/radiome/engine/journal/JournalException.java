package org.radiome.engine.journal;

import java.nio.file.Path;

/** A journal that cannot be resumed from (another command's journal, or damage before its last line); the message names the file. */
public final class JournalException extends Exception {
    private static final long serialVersionUID = 1L;

    public JournalException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
