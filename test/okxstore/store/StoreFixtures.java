package okxstore.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import org.sqlite.SQLiteConfig;

/** Candles, clocks and raw connections for the store tests. */
final class StoreFixtures {
    static final InstrumentId BTC = new InstrumentId("BTC-USDT");
    static final InstrumentId ETH = new InstrumentId("ETH-USDT");
    /** 2024-01-01T00:00:00Z, a bar open time of every fixed bar up to a day (UTC) and of 1Mutc. */
    static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000L;

    private StoreFixtures() {
    }

    static Candle candle(long ts, double close, boolean confirmed) {
        return new Candle(ts, close, close + 1, close - 1, close, 2, 3, 4, confirmed);
    }

    static StoredCandle stored(InstrumentId id, Bar bar, long ts, double close, boolean confirmed, long updatedAt) {
        return new StoredCandle(id, bar, candle(ts, close, confirmed), StoredCandle.REST, updatedAt);
    }

    /** Settings that commit at once (no waiting for a batch to fill). */
    static WriterSettings fast() {
        return new WriterSettings(2000, Duration.ZERO, 10_000, Duration.ofMinutes(5));
    }

    /** A raw read-write connection, as another process would have. */
    static Connection raw(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(2000);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    static long queryLong(Path file, String sql) throws SQLException {
        try (Connection c = raw(file)) {
            return Database.queryLong(c, sql);
        }
    }

    /** Waits (briefly polling) until {@code condition} holds; fails after a few seconds. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    /** A clock tests move by hand. */
    static final class ManualClock implements InstantSource {
        private volatile long millis;

        ManualClock(long millis) {
            this.millis = millis;
        }

        void advance(Duration d) {
            millis += d.toMillis();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public long millis() {
            return millis;
        }
    }
}
