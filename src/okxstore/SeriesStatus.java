package okxstore;

import java.util.Objects;
import java.util.OptionalLong;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * One series in {@link OkxStore#status()}: what is on disk, how fresh it is, and what the live
 * engine does with it.
 *
 * @param id            the instrument
 * @param bar           the bar size
 * @param rows          bars stored
 * @param first         open time of the first stored bar, epoch ms
 * @param last          open time of the last stored bar, epoch ms
 * @param lastUpdatedAt when the newest stored observation was made, epoch ms
 * @param ageMillis     time since then, at the status' {@link StoreStatus#time()}
 * @param mode          how live data comes in by configuration: {@code hybrid}, {@code websocket},
 *                      {@code polling}, {@code disabled}, or {@code not-configured} (stored, not followed)
 * @param state         what the engine does now: {@code live}, {@code polling}, {@code syncing},
 *                      {@code repairing}, {@code inactive (<reason>)}, or {@code stopped} when the store
 *                      is not started or does not follow this series
 */
public record SeriesStatus(InstrumentId id, Bar bar, long rows, OptionalLong first, OptionalLong last,
                           OptionalLong lastUpdatedAt, OptionalLong ageMillis, String mode, String state) {
    /** The state of a series no running engine follows. */
    public static final String STOPPED = "stopped";

    /** Checks that no component is null. */
    public SeriesStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(lastUpdatedAt, "lastUpdatedAt");
        Objects.requireNonNull(ageMillis, "ageMillis");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(state, "state");
    }

    /**
     * Whether the series is live.
     *
     * @return true when the engine keeps it current from live pushes (subscribed, repaired, not polling)
     */
    public boolean live() {
        return "live".equals(state);
    }
}
