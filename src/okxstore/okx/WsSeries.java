package okxstore.okx;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.candle.LiveFeed.SeriesState;

/**
 * One declared series of the live feed: which connection carries it, the state last reported to the
 * listener, and when a refused subscription may be tried again. Mutable; owned by the dispatcher thread.
 */
final class WsSeries {

    final InstrumentId id;
    final Bar bar;
    final WsArg arg;
    /** The connection it is assigned to, or null while it waits (new, refused, moved). */
    WsConnection connection;
    /** What the listener was last told, or null before the first report. */
    SeriesState reported;
    /** Not assigned again before this time (epoch ms); set by a refusal. */
    long retryAt;

    WsSeries(InstrumentId id, Bar bar) {
        this.id = id;
        this.bar = bar;
        this.arg = WsArg.candle(id, bar);
    }

    @Override
    public String toString() {
        return id + "/" + bar;
    }
}
