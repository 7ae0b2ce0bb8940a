package org.radiome.engine.settings;

import java.nio.file.Path;

/** A settings file that cannot be used; the message names the file, the key and the problem. */
public final class SettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    public SettingsException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
