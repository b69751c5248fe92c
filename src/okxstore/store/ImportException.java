package okxstore.store;

/** A source file that cannot be imported, such as a bad row; the message says where ({@code FILE line N: ...}). */
public final class ImportException extends StoreException {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }
}
