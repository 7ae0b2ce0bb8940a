package org.radiome.image.io;

import java.io.IOException;
import java.nio.file.Path;

/** An image or mask file that cannot be read; the message names the file and the problem. */
public final class ImageReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public ImageReadException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ImageReadException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
