package okxstore;

import java.util.Objects;
import java.util.Optional;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.sync.SyncResult;

/**
 * What one REST pass did for one series ({@link OkxStore#syncNow}).
 *
 * @param id       the instrument
 * @param bar      the bar size
 * @param requests REST requests sent
 * @param candles  candles received and stored
 * @param holes    ranges OKX had no bars for, recorded so that they are not asked for again
 * @param error    why the pass stopped early (an unknown instrument, the exchange unreachable, ...); empty when it completed
 */
public record SyncReport(InstrumentId id, Bar bar, long requests, long candles, long holes, Optional<String> error) {

    /** Checks that no component is null. */
    public SyncReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(error, "error");
    }

    /**
     * Whether the pass completed.
     *
     * @return true when the series now holds every bar OKX has from its history floor to now
     */
    public boolean ok() {
        return error.isEmpty();
    }

    static SyncReport of(SyncResult r) {
        return new SyncReport(r.id(), r.bar(), r.requests(), r.candles(), r.holes(), Optional.ofNullable(r.error()));
    }
}
