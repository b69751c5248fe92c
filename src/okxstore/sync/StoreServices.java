package okxstore.sync;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;

import okxstore.candle.Exchange;
import okxstore.config.Settings;
import okxstore.store.CandleWriter;
import okxstore.store.StoreReader;
import okxstore.store.WriterSettings;

/**
 * The writing side of a store, wired from its settings: the data-directory lock, the REST
 * exchange, the batching writer, a reader, the exchange clock and the sync service. Closing it
 * drains the writer, closes the HTTP client and releases the lock, in that order.
 */
public final class StoreServices implements AutoCloseable {
    private final Settings settings;
    private final DataDirLock lock;
    private final Exchange exchange;
    private final CandleWriter writer;
    private final StoreReader reader;
    private final SyncService sync;

    private StoreServices(Settings settings, DataDirLock lock, Exchange exchange, InstantSource clock) {
        this.settings = settings;
        this.lock = lock;
        this.exchange = exchange;
        this.writer = new CandleWriter(settings.dataDir(), writerSettings(settings), clock);
        this.reader = new StoreReader(settings.dataDir());
        ExchangeClock exchangeClock = new ExchangeClock(clock, Duration.ofMinutes(settings.integer("clock.refresh.minutes")));
        this.sync = new SyncService(exchange, writer, reader, clock, exchangeClock,
            Duration.ofHours(settings.integer("sync.nodata.recheck.hours")), settings.integer("sync.concurrency"));
    }

    /** Opens the store for writing as {@code role}: takes the lock (or says who holds it) and wires OKX's REST API. */
    public static StoreServices open(Settings settings, String role) throws IOException {
        return open(settings, role, OkxWiring.rest(settings), InstantSource.system());
    }

    /** Opens the store with a given exchange and clock (tests, embedding). */
    public static StoreServices open(Settings settings, String role, Exchange exchange, InstantSource clock)
        throws IOException {
        DataDirLock lock;
        try {
            lock = DataDirLock.acquire(settings.dataDir(), role);
        } catch (IOException e) {
            exchange.close();
            throw e;
        }
        return new StoreServices(settings, lock, exchange, clock);
    }

    static WriterSettings writerSettings(Settings s) {
        return new WriterSettings(Math.max(1, s.integer("writer.batch.size")),
            Duration.ofMillis(s.integer("writer.max.delay.ms")), Math.max(1, s.integer("writer.queue.capacity")),
            WriterSettings.DEFAULT_IDLE_CLOSE);
    }

    public Settings settings() {
        return settings;
    }

    public SyncService sync() {
        return sync;
    }

    public CandleWriter writer() {
        return writer;
    }

    public StoreReader reader() {
        return reader;
    }

    public Exchange exchange() {
        return exchange;
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            try {
                reader.close();
                exchange.close();
            } finally {
                lock.close();
            }
        }
    }
}
