package okxstore.store;

/** The file was written by a newer okx-store: it is read, never migrated down, never written. */
final class NewerSchemaException extends StoreException {
    private static final long serialVersionUID = 1L;

    NewerSchemaException(String file, int found) {
        super(file + ": schema version " + found + " is newer than this okx-store knows (" + Schema.CURRENT_VERSION
            + "); it is read-only here, use a newer okx-store to write it");
    }
}
