package okxstore.sync;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import okxstore.candle.Bar;
import okxstore.candle.Exchange;
import okxstore.candle.ExchangeException;
import okxstore.candle.Instrument;
import okxstore.candle.InstrumentId;
import okxstore.config.InstrumentSettings;
import okxstore.store.CandleWriter;
import okxstore.store.SeriesSummary;
import okxstore.store.StoreException;
import okxstore.store.StoreReader;

/**
 * REST sync of many series at once: each instrument is looked up on the exchange, then each of
 * its bars is synced by a {@link SeriesSync} on a virtual thread, at most {@code concurrency} at a
 * time; the exchange's shared rate limiter keeps them all under its limits. Thread-safe.
 */
public final class SyncService {
    private static final Logger LOG = Logger.getLogger(SyncService.class.getName());

    /** Told about candles received, for progress bars. */
    public interface Progress {
        void received(InstrumentId id, Bar bar, long candles, long expected);
    }

    private final Exchange exchange;
    private final CandleWriter writer;
    private final StoreReader reader;
    private final InstantSource wallClock;
    private final ExchangeClock exchangeClock;
    private final Duration noDataRecheck;
    private final Semaphore permits;

    public SyncService(Exchange exchange, CandleWriter writer, StoreReader reader, InstantSource wallClock,
                       ExchangeClock exchangeClock, Duration noDataRecheck, int concurrency) {
        this.exchange = exchange;
        this.writer = writer;
        this.reader = reader;
        this.wallClock = wallClock;
        this.exchangeClock = exchangeClock;
        this.noDataRecheck = noDataRecheck;
        this.permits = new Semaphore(Math.max(1, concurrency));
    }

    public ExchangeClock clock() {
        return exchangeClock;
    }

    public Exchange exchange() {
        return exchange;
    }

    /** The instrument on the exchange; an unknown id is a {@link UnknownInstrumentException}. */
    public Instrument lookup(InstrumentId id) throws ExchangeException, InterruptedException {
        Optional<Instrument> found = exchange.instrument(id);
        if (found.isEmpty()) {
            throw new UnknownInstrumentException(id);
        }
        return found.get();
    }

    /** One catch-up pass over every bar of every given instrument; failures are reported per series. */
    public List<SyncResult> syncAll(List<InstrumentSettings> instruments, boolean recheck, Progress progress)
        throws InterruptedException {
        exchangeClock.refreshIfDue(exchange);
        List<SyncResult> results = new ArrayList<>();
        List<Future<SyncResult>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (InstrumentSettings inst : instruments) {
                Instrument info;
                try {
                    info = lookup(inst.id());
                } catch (UnknownInstrumentException e) {
                    inst.bars().forEach(b -> results.add(new SyncResult(inst.id(), b, 1, 0, 0, e.getMessage())));
                    continue;
                } catch (ExchangeException e) {
                    inst.bars().forEach(b -> results.add(new SyncResult(inst.id(), b, 1, 0, 0, e.getMessage())));
                    continue;
                }
                for (Bar bar : inst.bars()) {
                    long floor = exchangeClock.millis() - Duration.ofDays(inst.historyDays(bar)).toMillis();
                    futures.add(pool.submit(() -> syncSeries(inst.id(), bar, floor, info.listTime(), recheck, progress)));
                }
            }
            for (Future<SyncResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    pool.shutdownNow(); // stop the passes still running: closing the pool would wait for them
                    throw e;
                }
            }
        }
        return results;
    }

    /** Syncs one series from {@code floor} to now; errors become the result's message. */
    public SyncResult syncSeries(InstrumentId id, Bar bar, long floor, long listTime, boolean recheck, Progress progress)
        throws InterruptedException {
        permits.acquire();
        SeriesSync s = series(id, bar, progress);
        try {
            return s.run(floor, listTime, recheck);
        } catch (ExchangeException | StoreException e) {
            LOG.log(Level.WARNING, id + "/" + bar + ": sync stopped: " + e.getMessage(), e);
            return s.result(e.getMessage());
        } finally {
            permits.release();
        }
    }

    /** Fetches the explicit range [from, to] of one series. */
    public SyncResult backfill(InstrumentId id, Bar bar, long from, long to, Progress progress)
        throws ExchangeException, StoreException, InterruptedException {
        exchangeClock.refreshIfDue(exchange);
        lookup(id);
        return series(id, bar, progress).backfill(from, to);
    }

    /** Repairs the missing ranges between the first and last stored bar of one series. */
    public SyncResult fillGaps(InstrumentId id, Bar bar, boolean recheck, Progress progress)
        throws ExchangeException, InterruptedException, StoreException {
        exchangeClock.refreshIfDue(exchange);
        if (recheck) {
            writer.clearHoles(id, bar);
            writer.flush().join();
        }
        SeriesSummary s = reader.summary(id, bar);
        if (s.rows() == 0) {
            return new SyncResult(id, bar, 0, 0, 0, null);
        }
        return series(id, bar, progress).backfill(s.firstTs().getAsLong(), s.lastTs().getAsLong());
    }

    private SeriesSync series(InstrumentId id, Bar bar, Progress progress) {
        SeriesSync s = new SeriesSync(exchange, writer, reader, wallClock, exchangeClock, noDataRecheck, id, bar);
        if (progress != null) {
            long[] counts = {0, 0};
            s.onPlanned(n -> {
                counts[1] = n;
                progress.received(id, bar, counts[0], n);
            });
            s.onProgress(n -> {
                counts[0] += n;
                progress.received(id, bar, counts[0], counts[1]);
            });
        }
        return s;
    }
}
