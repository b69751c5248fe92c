package okxstore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.config.Settings;
import okxstore.store.StoreReader;

/**
 * A local SQLite copy of OKX candlesticks, used from Java: query what is stored, sync it over REST,
 * run the same hybrid live sync as {@code okx-store daemon}, and listen for new bars.
 *
 * <pre>{@code
 * InstrumentId btc = InstrumentId.parse("BTC-USDT");
 * try (OkxStore store = OkxStore.open(Path.of("/var/lib/okx"))) {
 *     store.syncNow(btc);
 *     double close = store.latest(btc, Bar.M1).orElseThrow().candle().close();
 * }
 * }</pre>
 *
 * <p>Opening does no I/O beyond reading the configuration. The first writing call ({@link #start()}
 * or {@link #syncNow}) takes the data directory's lock, held until {@link #close()}: one writer per
 * directory, in this process or another (a running daemon makes it fail, naming the daemon's pid).
 * Queries work beside any writer. A store from {@link #openReadOnly} only queries.
 *
 * <p>Times are epoch milliseconds (UTC) of bar open times; ranges include both ends. Queries run
 * on the calling thread; prefer platform threads for them, as sqlite-jdbc pins a virtual thread's
 * carrier while it works. Thread-safe: every method may be called from any thread.
 */
public final class OkxStore implements AutoCloseable {
    private final Path dataDir;
    private final Settings settings;
    private final StoreQueries queries;
    private final ListenerDispatch listeners = new ListenerDispatch(System::nanoTime);
    private final ReentrantLock lifecycle = new ReentrantLock();
    private WritingSide writing;
    private boolean started;
    private volatile boolean closed;

    private OkxStore(Path dataDir, Settings settings) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.queries = new StoreQueries(new StoreReader(dataDir), () -> closed);
    }

    /**
     * Opens the store of a data directory with the configuration it holds
     * ({@code <dataDir>/okx-store.properties} when present, else the built-in defaults).
     *
     * @param dataDir the data directory; created by the first writing call if it does not exist
     * @return the store, not started
     * @throws IllegalArgumentException when the directory's configuration file is invalid (the message
     *                                  names the key, the value and the file)
     */
    public static OkxStore open(Path dataDir) {
        return open(StoreConfig.of(Objects.requireNonNull(dataDir, "dataDir")));
    }

    /**
     * Opens the store a configuration describes.
     *
     * @param config built with {@link StoreConfig#builder()}
     * @return the store, not started
     */
    public static OkxStore open(StoreConfig config) {
        Settings s = Objects.requireNonNull(config, "config").settings();
        return new OkxStore(s.dataDir(), s);
    }

    /**
     * Opens a data directory only to query it, beside a daemon or another process that writes it, or
     * on read-only media: takes no lock, writes nothing, reads no configuration.
     * {@link #start()}, {@link #syncNow} and {@link #onCandle} throw {@link IllegalStateException}.
     *
     * @param dataDir an existing data directory
     * @return the read-only store
     * @throws IllegalArgumentException when {@code dataDir} is not a directory
     */
    public static OkxStore openReadOnly(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("no data directory at " + dataDir);
        }
        return new OkxStore(dataDir, null);
    }

    /**
     * The data directory.
     *
     * @return the directory this store reads and writes
     */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Whether this store only queries.
     *
     * @return true for a store from {@link #openReadOnly}
     */
    public boolean isReadOnly() {
        return settings == null;
    }

    /**
     * Starts keeping the configured instruments in sync, as the daemon does, and returns at once:
     * a REST pass over each series' history first, then live bars over the WebSocket (per
     * {@code realtime.mode}), REST polling while the socket is unhealthy, a REST check of every bar
     * whose closing push is late, and every missed range repaired when live data resumes. Work runs
     * on the store's own threads until {@link #close()}. Calling it again does nothing.
     *
     * @throws OkxStoreException     when another process or store holds the data directory (the
     *                               message names it and its pid), or the directory cannot be written
     * @throws IllegalStateException when the store is read-only or closed
     */
    public void start() {
        lifecycle.lock();
        try {
            writing().startEngine();
            started = true;
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * One REST pass over every configured bar of an instrument (the default bars when it is not
     * configured): history back to {@code history.days}, every bar up to now, interior gaps, and
     * closed bars still unconfirmed. Blocks until the pass is stored and readable. Works whether the
     * store is started or not.
     *
     * @param id the instrument
     * @return one report per bar; a failure (an instrument OKX does not list, the exchange
     *         unreachable after retries) is in its report's {@link SyncReport#error()}
     * @throws InterruptedException  when the calling thread is interrupted (the pass is stopped)
     * @throws OkxStoreException     when another process holds the data directory, or storing fails
     * @throws IllegalStateException when the store is read-only, or closed before or during the pass
     */
    public List<SyncReport> syncNow(InstrumentId id) throws InterruptedException {
        Objects.requireNonNull(id, "id");
        WritingSide w;
        lifecycle.lock();
        try {
            w = writing();
        } finally {
            lifecycle.unlock();
        }
        return w.syncNow(id);
    }

    /**
     * The newest stored bar of a series.
     *
     * @param id  the instrument
     * @param bar the bar size
     * @return the bar, or empty when the series has none
     * @throws OkxStoreException when the database cannot be read
     */
    public Optional<StoredBar> latest(InstrumentId id, Bar bar) {
        return queries.latest(id, bar);
    }

    /**
     * The newest {@code n} stored bars of a series, oldest first.
     *
     * @param id  the instrument
     * @param bar the bar size
     * @param n   how many, 0 or more
     * @return at most {@code n} bars
     * @throws OkxStoreException when the database cannot be read
     */
    public List<StoredBar> recent(InstrumentId id, Bar bar, int n) {
        return queries.recent(id, bar, n);
    }

    /**
     * The stored bars opening in {@code [fromMs, toMs]}, oldest first, read lazily a page at a time
     * (each page one short read): ranges larger than memory stream through. Close the stream
     * (try-with-resources) when done with it before its end.
     *
     * @param id     the instrument
     * @param bar    the bar size
     * @param fromMs first open time, epoch ms, inclusive
     * @param toMs   last open time, epoch ms, inclusive
     * @return a sequential, ordered stream; read failures surface as {@link OkxStoreException}
     */
    public Stream<StoredBar> range(InstrumentId id, Bar bar, long fromMs, long toMs) {
        return queries.range(id, bar, fromMs, toMs);
    }

    /**
     * How much of a series is stored, from its first to its last bar.
     *
     * @param id  the instrument
     * @param bar the bar size
     * @return rows, first and last bar, expected and missing bars
     * @throws OkxStoreException when the database cannot be read
     */
    public Coverage coverage(InstrumentId id, Bar bar) {
        return queries.coverage(id, bar);
    }

    /**
     * The absent ranges of a series: missing between its first and last stored bar (a sync fetches
     * them), and every range OKX was found to have no bars for, with the reason.
     *
     * @param id  the instrument
     * @param bar the bar size
     * @return the ranges, by start
     * @throws OkxStoreException when the database cannot be read
     */
    public List<Gap> gaps(InstrumentId id, Bar bar) {
        return queries.gaps(id, bar);
    }

    /**
     * Returns and volatility over every stored bar of a series.
     *
     * @param id     the instrument
     * @param bar    the bar size
     * @param window the rolling volatility's window in returns (0 or 1: none)
     * @return the statistics, or empty when the series has no bars
     * @throws OkxStoreException when the database cannot be read
     */
    public Optional<SeriesStats> stats(InstrumentId id, Bar bar, int window) {
        return stats(id, bar, Long.MIN_VALUE, Long.MAX_VALUE, window);
    }

    /**
     * Returns and volatility over the stored bars opening in {@code [fromMs, toMs]}, in one streaming pass.
     *
     * @param id     the instrument
     * @param bar    the bar size
     * @param fromMs first open time, epoch ms, inclusive
     * @param toMs   last open time, epoch ms, inclusive
     * @param window the rolling volatility's window in returns (0 or 1: none)
     * @return the statistics, or empty when the range has no bars
     * @throws OkxStoreException when the database cannot be read
     */
    public Optional<SeriesStats> stats(InstrumentId id, Bar bar, long fromMs, long toMs, int window) {
        return queries.stats(id, bar, fromMs, toMs, window);
    }

    /**
     * Every configured series and every series on disk with its rows, first and last bar and age,
     * and the live engine's state while the store is started.
     *
     * @return a snapshot taken now
     * @throws OkxStoreException when a database cannot be read
     */
    public StoreStatus status() {
        WritingSide w;
        lifecycle.lock();
        try {
            w = started ? writing : null;
        } finally {
            lifecycle.unlock();
        }
        long now = System.currentTimeMillis();
        return queries.status(dataDir, settings, now, w == null ? Optional.empty() : w.engineStatus(now));
    }

    /**
     * Registers a listener for the bars of one series the store commits from now on: live pushes
     * (several per bar while it is unfinished, then the closed bar), polled and repaired bars, and
     * backfilled ones. It is called on the store's listener thread, never on a socket or writer thread,
     * one call at a time in commit order; a listener that throws is logged and keeps receiving.
     * Listeners may be added before or after {@link #start()}.
     *
     * @param id       the instrument
     * @param bar      the bar size
     * @param listener called with each stored or changed bar
     * @return the subscription; close it to unsubscribe
     * @throws IllegalStateException when the store is read-only or closed
     */
    public Subscription onCandle(InstrumentId id, Bar bar, CandleListener listener) {
        requireWritable();
        return listeners.add(id, bar, listener);
    }

    /**
     * Stops everything the store runs and releases what it holds: stops {@code syncNow} passes and
     * the live engine, commits what is queued, delivers it to listeners, closes the connections and
     * the HTTP clients, joins every thread and releases the data directory's lock. Waits for queries
     * under way. Later calls (other than {@code close}) throw {@link IllegalStateException}; closing
     * twice does nothing.
     */
    @Override
    public void close() {
        lifecycle.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (writing != null) {
                    writing.close();
                }
            } finally {
                try {
                    listeners.close();
                } finally {
                    queries.close();
                }
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /** The writing side, opened on first use. Called under the lifecycle lock. */
    private WritingSide writing() {
        requireWritable();
        if (writing == null) {
            writing = WritingSide.open(settings, listeners);
        }
        return writing;
    }

    private void requireWritable() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (settings == null) {
            throw new IllegalStateException("the store was opened read-only (" + dataDir + ")");
        }
    }

    @Override
    public String toString() {
        return "OkxStore[" + dataDir + (isReadOnly() ? ", read-only" : "") + (closed ? ", closed" : "") + "]";
    }
}
