package okxstore;

import java.util.Objects;

import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import okxstore.store.StoredCandle;

/**
 * One stored bar of a series: the candle as OKX gave it, where it came from and when it was observed.
 *
 * @param id        the instrument
 * @param bar       the bar size
 * @param candle    open time ({@link Candle#ts()}, epoch ms UTC), prices, volumes and whether the bar has closed
 * @param source    {@code "ws"} (a live push), {@code "rest"} (fetched over REST) or {@code "import"}
 * @param updatedAt when this observation was made, epoch ms; a newer one replaces it, except that an
 *                  unconfirmed bar never replaces a confirmed one
 */
public record StoredBar(InstrumentId id, Bar bar, Candle candle, String source, long updatedAt) {

    /** Checks that no component is null. */
    public StoredBar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(candle, "candle");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The bar's open time.
     *
     * @return epoch ms UTC
     */
    public long ts() {
        return candle.ts();
    }

    /**
     * Whether the bar has closed.
     *
     * @return true once the bar has closed: its values are final
     */
    public boolean confirmed() {
        return candle.confirmed();
    }

    static StoredBar of(StoredCandle c) {
        return new StoredBar(c.id(), c.bar(), c.candle(), c.source(), c.updatedAt());
    }
}
