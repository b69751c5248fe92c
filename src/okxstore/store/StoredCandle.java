package okxstore.store;

import java.util.Objects;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;

/**
 * One stored observation of a bar: the candle plus where it came from ({@code rest}, {@code ws},
 * {@code import}, ...) and when it was observed ({@code updatedAt}, epoch ms), which decides upserts.
 */
public record StoredCandle(InstrumentId id, Bar bar, Candle candle, String source, long updatedAt) {
    public static final String REST = "rest";
    public static final String WS = "ws";

    public StoredCandle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(candle, "candle");
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException(id + "/" + bar + ": a stored candle needs a source");
        }
    }

    /** The bar's open time, epoch ms. */
    public long ts() {
        return candle.ts();
    }
}
