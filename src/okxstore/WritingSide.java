package okxstore;

import java.io.IOException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import okxstore.candle.LiveFeed;
import okxstore.config.InstrumentSettings;
import okxstore.config.Settings;
import okxstore.sync.EngineSettings;
import okxstore.sync.LiveEngine;
import okxstore.sync.OkxWiring;
import okxstore.sync.StoreServices;
import okxstore.sync.SyncResult;

/**
 * The writing side of an embedded store, wired as the daemon wires it: the data-directory lock,
 * OKX's REST client, the batching writer and sync service ({@link StoreServices}), and once started
 * the live engine with its WebSocket feed. {@code syncNow} passes run on virtual threads of its own,
 * so that {@link #close()} can stop them. Lifecycle calls come under the owning store's lock.
 */
final class WritingSide implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WritingSide.class.getName());
    /** The role written into the lock file, which other processes name when they find it held. */
    static final String ROLE = "embedded";

    private final Settings settings;
    private final StoreServices services;
    private final ExecutorService syncs = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("okx-store-sync-", 0).factory());
    private volatile LiveEngine engine;

    private WritingSide(Settings settings, StoreServices services) {
        this.settings = settings;
        this.services = services;
    }

    /** Takes the lock (or throws naming its holder and pid), wires REST and the writer, hooks the listeners. */
    static WritingSide open(Settings settings, ListenerDispatch listeners) {
        StoreServices services;
        try {
            services = StoreServices.open(settings, ROLE);
        } catch (IOException e) {
            throw new OkxStoreException(e.getMessage(), e);
        }
        listeners.attach(services.writer());
        return new WritingSide(settings, services);
    }

    /** Starts the hybrid loop over the configured instruments: full sync first, then live (as the daemon). */
    void startEngine() {
        if (engine != null) {
            return;
        }
        InstantSource clock = InstantSource.system();
        Forward forward = new Forward();
        LiveFeed feed = settings.bool("ws.enabled") ? OkxWiring.live(settings, forward, clock) : null;
        LiveEngine e = new LiveEngine(EngineSettings.from(settings), services.sync(), services.writer(), feed, clock);
        forward.engine = e;
        e.apply(settings.instruments(), /* syncNew= */ true);
        e.start();
        engine = e;
        LOG.info("okx-store started on " + settings.dataDir() + " with " + settings.instruments().size() + " instruments");
    }

    /** The engine's status document while it runs. */
    Optional<Map<String, Object>> engineStatus(long now) {
        LiveEngine e = engine;
        return e == null ? Optional.empty() : Optional.of(e.status(now));
    }

    /** One REST pass over every bar of the instrument, on a thread {@link #close()} can stop. */
    List<SyncReport> syncNow(InstrumentId id) throws InterruptedException {
        InstrumentSettings inst = settings.instrumentOrDefaults(id);
        Future<List<SyncResult>> pass;
        try {
            pass = syncs.submit(() -> services.sync().syncAll(List.of(inst), /* recheck= */ false, null));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the store is closed", e);
        }
        try {
            return pass.get().stream().map(SyncReport::of).toList();
        } catch (InterruptedException e) {
            pass.cancel(true);
            throw e;
        } catch (CancellationException e) {
            throw new IllegalStateException("the store was closed during syncNow(" + id + ")", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException || syncs.isShutdown()) {
                throw new IllegalStateException("the store was closed during syncNow(" + id + ")", cause);
            }
            throw new OkxStoreException(id + ": sync failed: " + cause.getMessage(), cause);
        }
    }

    /** Stops sync passes and the engine, then drains the writer, closes the HTTP client and releases the lock. */
    @Override
    public void close() {
        syncs.shutdownNow();
        try {
            if (!syncs.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warning("a syncNow pass did not stop within 30 s of close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            LiveEngine e = engine;
            if (e != null) {
                e.close();
            }
        } finally {
            try {
                services.close();
            } catch (IOException e) {
                throw new OkxStoreException("closing the store: " + e.getMessage(), e);
            }
        }
    }

    /** The feed's listener: the feed is built before the engine it reports to (as in the daemon). */
    private static final class Forward implements LiveFeed.Listener {
        volatile LiveEngine engine;

        @Override
        public void onCandles(InstrumentId id, Bar bar, List<Candle> candles, long receivedAt) {
            LiveEngine e = engine;
            if (e != null) {
                e.onCandles(id, bar, candles, receivedAt);
            }
        }

        @Override
        public void onState(InstrumentId id, Bar bar, LiveFeed.SeriesState state, String detail) {
            LiveEngine e = engine;
            if (e != null) {
                e.onState(id, bar, state, detail);
            }
        }
    }
}
