package okxstore.sync;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * What one sync pass did for one series: requests sent, candles received and handed to the writer,
 * holes recorded, and the error that stopped it (null when it completed).
 */
public record SyncResult(InstrumentId id, Bar bar, long requests, long candles, long holes, String error) {

    public boolean ok() {
        return error == null;
    }
}
