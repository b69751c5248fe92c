package okxstore.store;

import java.util.OptionalLong;
import okxstore.candle.Bar;

/**
 * How far back a bar's history was fetched ({@code historyFloor}, an open time), whether it is
 * complete (the exchange had nothing older, or history.days was reached) and the first bar the
 * exchange has, when learned.
 */
public record SyncState(Bar bar, OptionalLong historyFloor, boolean historyComplete, OptionalLong listingFloor) {
    /** The state of a bar nothing was recorded for. */
    public static SyncState empty(Bar bar) {
        return new SyncState(bar, OptionalLong.empty(), false, OptionalLong.empty());
    }
}
