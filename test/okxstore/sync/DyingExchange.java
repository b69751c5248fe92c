package okxstore.sync;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.Exchange;
import okxstore.candle.ExchangeException;
import okxstore.candle.Instrument;
import okxstore.candle.InstrumentId;

/** An exchange that works for a number of candle pages and then fails every call, like a process killed mid-pass. */
final class DyingExchange implements Exchange {
    private final Exchange delegate;
    private final AtomicInteger pagesLeft;

    DyingExchange(Exchange delegate, int pages) {
        this.delegate = delegate;
        this.pagesLeft = new AtomicInteger(pages);
    }

    @Override
    public List<Candle> candles(InstrumentId id, Bar bar, Long newerThan, Long olderThan, int limit)
        throws ExchangeException, InterruptedException {
        if (pagesLeft.decrementAndGet() < 0) {
            throw new ExchangeException(ExchangeException.Kind.UNAVAILABLE, "", "killed");
        }
        return delegate.candles(id, bar, newerThan, olderThan, limit);
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId id) throws ExchangeException, InterruptedException {
        return delegate.instrument(id);
    }

    @Override
    public long serverTime() throws ExchangeException, InterruptedException {
        return delegate.serverTime();
    }

    @Override
    public int maxPageSize() {
        return delegate.maxPageSize();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
