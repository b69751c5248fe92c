package okxstore;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a store ({@link OkxStore#status()}).
 *
 * @param dataDir  the data directory
 * @param time     when the snapshot was taken, epoch ms
 * @param readOnly true for a store opened with {@link OkxStore#openReadOnly}
 * @param series   every configured series and every series with data on disk, by instrument then bar
 * @param engine   the live engine, while the store is started
 */
public record StoreStatus(Path dataDir, long time, boolean readOnly, List<SeriesStatus> series,
                          Optional<EngineStatus> engine) {

    /** Copies the series list; checks that no component is null. */
    public StoreStatus {
        Objects.requireNonNull(dataDir, "dataDir");
        series = List.copyOf(series);
        Objects.requireNonNull(engine, "engine");
    }

    /**
     * Whether the live engine runs.
     *
     * @return true while the store is started ({@link OkxStore#start()} called, not closed)
     */
    public boolean started() {
        return engine.isPresent();
    }
}
