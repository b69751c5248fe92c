package okxstore.store;

import java.util.Objects;
import java.util.Optional;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * How {@link Import} runs: {@code dryRun} writes nothing and reports what would change; {@code inst}
 * and {@code bar} name the series of a csv/jsonl file whose rows do not; {@code chunkRows} rows go
 * in each write transaction, so a daemon writing the same file is never kept waiting for long.
 */
public record ImportOptions(boolean dryRun, Optional<InstrumentId> inst, Optional<Bar> bar, int chunkRows) {
    public static final int DEFAULT_CHUNK_ROWS = 5000;

    public ImportOptions {
        Objects.requireNonNull(inst, "inst");
        Objects.requireNonNull(bar, "bar");
        if (chunkRows < 1) {
            throw new IllegalArgumentException("import chunkRows must be at least 1, got " + chunkRows);
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(false, Optional.empty(), Optional.empty(), DEFAULT_CHUNK_ROWS);
    }

    public ImportOptions withDryRun(boolean dry) {
        return new ImportOptions(dry, inst, bar, chunkRows);
    }

    public ImportOptions withSeries(Optional<InstrumentId> id, Optional<Bar> b) {
        return new ImportOptions(dryRun, id, b, chunkRows);
    }

    public ImportOptions withChunkRows(int rows) {
        return new ImportOptions(dryRun, inst, bar, rows);
    }
}
