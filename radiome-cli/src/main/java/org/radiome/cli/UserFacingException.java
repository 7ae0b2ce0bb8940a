package org.radiome.cli;

/** A problem with the user's input, reported as one line on stderr with a non-zero exit code. */
public final class UserFacingException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public UserFacingException(String message) {
        this(message, 1);
    }

    public UserFacingException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() { return exitCode; }
}
