package okxstore.cli;

/** A command that failed at run time (exit 1) or was used wrongly (exit 2); the message is the one line shown. */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Wrong usage: exit 2. */
    public static CliException usage(String message) {
        return new CliException(2, message);
    }

    /** Failure at run time: exit 1. */
    public static CliException failure(String message) {
        return new CliException(1, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
