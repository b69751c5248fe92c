package okxstore;

/**
 * The store could not do what was asked: a database file could not be read or written, the data
 * directory is held by another process (the message names it and its pid), or OKX could not be reached.
 * The message is one line saying what went wrong.
 */
public class OkxStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message and its cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure, or null
     */
    public OkxStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
