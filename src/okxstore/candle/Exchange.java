package okxstore.candle;

import java.util.List;
import java.util.Optional;

/**
 * The seam between the sync engine and an exchange's REST API: instruments, pages of candles,
 * the exchange's clock. Everything that knows OKX lives behind it (package {@code okxstore.okx}).
 * Implementations are thread-safe and share their rate limits between all callers.
 */
public interface Exchange extends AutoCloseable {

    /**
     * Candles of one series with open times strictly between {@code newerThan} and
     * {@code olderThan} (either may be null for unbounded), at most {@code limit} of them, the
     * newest ones of that window first-served, returned sorted oldest first. The newest candle
     * may be unconfirmed. An empty list means the exchange has no bar in that window.
     */
    List<Candle> candles(InstrumentId id, Bar bar, Long newerThan, Long olderThan, int limit)
        throws ExchangeException, InterruptedException;

    /** The instrument as the exchange lists it, or empty when it does not exist there. */
    Optional<Instrument> instrument(InstrumentId id) throws ExchangeException, InterruptedException;

    /** The exchange's clock, epoch ms. */
    long serverTime() throws ExchangeException, InterruptedException;

    /** The largest {@code limit} one call serves. */
    int maxPageSize();

    @Override
    void close();
}
