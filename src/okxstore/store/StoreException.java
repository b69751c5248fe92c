package okxstore.store;

import java.io.IOException;

/** A database file could not be opened, read or written; the message starts with the file name. */
public class StoreException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
