package okxstore.store;

import java.nio.file.Path;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/** Told what an {@link Import} is doing, for progress and warnings; called on the importing thread. */
public interface ImportListener {
    ImportListener NONE = new ImportListener() {
    };

    /** A source file is about to be read. */
    default void reading(Path file) {
    }

    /** A transaction of the series committed (or, in a dry run, was classified); {@code rows}: its rows so far. */
    default void committed(InstrumentId id, Bar bar, long rows) {
    }

    /** Something worth saying that refuses nothing, such as a file a snapshot's manifest does not list. */
    default void warning(String message) {
    }
}
