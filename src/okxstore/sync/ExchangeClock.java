package okxstore.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import okxstore.candle.Exchange;
import okxstore.candle.ExchangeException;

/**
 * "Now" as the exchange sees it: the local clock plus an offset measured against the exchange's
 * time endpoint (refreshed every so often), so a skewed local clock neither stores a bar early
 * nor calls a real bar a hole. Thread-safe.
 */
public final class ExchangeClock implements InstantSource {
    private static final Logger LOG = Logger.getLogger(ExchangeClock.class.getName());

    private final InstantSource local;
    private final Duration refreshEvery;
    private final AtomicLong offsetMs = new AtomicLong();
    private final AtomicLong refreshedAt = new AtomicLong(Long.MIN_VALUE);

    public ExchangeClock(InstantSource local, Duration refreshEvery) {
        this.local = local;
        this.refreshEvery = refreshEvery;
    }

    /** Measures the offset when it is older than the refresh period; keeps the last one on failure. */
    public void refreshIfDue(Exchange exchange) throws InterruptedException {
        long now = local.millis();
        long last = refreshedAt.get();
        if (last != Long.MIN_VALUE && now - last < refreshEvery.toMillis()) {
            return;
        }
        try {
            long before = local.millis();
            long server = exchange.serverTime();
            long after = local.millis();
            offsetMs.set(server - (before + after) / 2);
            refreshedAt.set(after);
            if (Math.abs(offsetMs.get()) > 2_000) {
                LOG.warning("local clock is off OKX's by " + offsetMs.get() + " ms; using OKX's time");
            }
        } catch (ExchangeException e) {
            refreshedAt.set(now);
            LOG.log(Level.WARNING, "cannot read OKX's clock; keeping offset " + offsetMs.get() + " ms", e);
        }
    }

    public long offsetMillis() {
        return offsetMs.get();
    }

    @Override
    public long millis() {
        return local.millis() + offsetMs.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
