package okxstore.sync;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.Instrument;
import okxstore.candle.InstrumentId;
import okxstore.candle.LiveFeed;
import okxstore.candle.LiveFeed.SeriesState;
import okxstore.config.InstrumentSettings;
import okxstore.store.CandleWriter;
import okxstore.store.StoredCandle;

/**
 * The hybrid loop. Pushes from the live feed go straight to the batching writer; a tick (every
 * {@code tickMs}, or called directly by tests) decides the REST work: repair a series whose live
 * data resumed after any interruption, poll series that are in polling mode or whose socket is
 * unhealthy (not subscribed, refused, or silent), fetch a closed bar whose closing push did not
 * come by period end plus grace, and re-sync the whole history window every so often. REST work
 * runs on virtual threads, one task per series at a time, all sharing the exchange's limiter.
 * Thread-safe: state is guarded by one lock, never held across I/O.
 */
public final class LiveEngine implements LiveFeed.Listener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveEngine.class.getName());

    private final EngineSettings settings;
    private final SyncService sync;
    private final CandleWriter writer;
    private final LiveFeed feed;
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, LiveSeries> series = new LinkedHashMap<>();
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong pushes = new AtomicLong();
    private final AtomicLong restTasks = new AtomicLong();
    private final RecentErrors errors = new RecentErrors(10);
    private Thread ticker;
    private volatile boolean closed;

    public LiveEngine(EngineSettings settings, SyncService sync, CandleWriter writer, LiveFeed feed, InstantSource clock) {
        this.settings = settings;
        this.sync = sync;
        this.writer = writer;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * Makes the engine follow these instruments: new series are added (and fully synced first
     * when {@code syncNew}), removed or disabled ones dropped from the feed; their data stays.
     */
    public void apply(List<InstrumentSettings> instruments, boolean syncNew) {
        Map<String, LiveSeries> wanted = new LinkedHashMap<>();
        List<LiveSeries> subscribe = new ArrayList<>();
        List<LiveSeries> unsubscribe = new ArrayList<>();
        long now = clock.millis();
        lock.lock();
        try {
            for (InstrumentSettings inst : instruments) {
                if (!inst.enabled()) {
                    continue;
                }
                for (Bar bar : inst.bars()) {
                    String key = inst.id() + "/" + bar.okxName();
                    LiveSeries s = series.get(key);
                    boolean added = s == null;
                    if (added) {
                        s = new LiveSeries(inst.id(), bar);
                        s.fullNeeded = syncNew;
                        s.repairNeeded = !syncNew;
                        s.nextPollAt = now;
                        s.nextFullAt = now + settings.fullSyncEveryMs();
                    }
                    boolean wasSocket = !added && s.usesSocket();
                    s.mode = feed == null ? "polling" : inst.mode();
                    s.historyDays = inst.historyDays(bar);
                    s.pollEveryMs = inst.syncIntervalSeconds() * 1000L;
                    if (s.usesSocket() && (added || !wasSocket)) {
                        subscribe.add(s);
                    } else if (!s.usesSocket() && wasSocket) {
                        unsubscribe.add(s);
                    }
                    wanted.put(key, s);
                }
            }
            for (Map.Entry<String, LiveSeries> e : series.entrySet()) {
                if (!wanted.containsKey(e.getKey()) && e.getValue().usesSocket()) {
                    unsubscribe.add(e.getValue());
                }
            }
            series.clear();
            series.putAll(wanted);
        } finally {
            lock.unlock();
        }
        if (feed != null) {
            unsubscribe.forEach(s -> feed.unsubscribe(s.id, s.bar));
            subscribe.forEach(s -> feed.subscribe(s.id, s.bar));
        }
    }

    /** Starts the feed and the ticking thread. */
    public void start() {
        if (feed != null) {
            feed.start();
        }
        ticker = Thread.ofPlatform().name("okx-store-engine").daemon(true).start(this::tickLoop);
    }

    private void tickLoop() {
        while (!closed) {
            try {
                tick(clock.millis());
                Thread.sleep(settings.tickMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "engine tick failed", e);
                errors.add("engine: " + e.getMessage());
            }
        }
    }

    @Override
    public void onCandles(InstrumentId id, Bar bar, List<Candle> candles, long receivedAt) {
        LiveSeries s;
        lock.lock();
        try {
            s = series.get(id + "/" + bar.okxName());
            if (s == null) {
                return;
            }
            s.lastPushAt = receivedAt;
            for (Candle c : candles) {
                if (c.confirmed()) {
                    s.confirmedPush(c.ts());
                }
            }
        } finally {
            lock.unlock();
        }
        pushes.addAndGet(candles.size());
        try {
            for (Candle c : candles) {
                writer.put(new StoredCandle(id, bar, c, StoredCandle.WS, receivedAt));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onState(InstrumentId id, Bar bar, SeriesState state, String detail) {
        long now = clock.millis();
        lock.lock();
        try {
            LiveSeries s = series.get(id + "/" + bar.okxName());
            if (s == null || !s.usesSocket()) {
                return;
            }
            SeriesState before = s.socket;
            s.socket = state;
            s.socketSince = now;
            if (state == SeriesState.SUBSCRIBED) {
                // live data resumes: repair what was missed before calling the series current
                s.repairNeeded = true;
            } else if (before != state) {
                s.lastError = detail;
                if (s.repairFloor == Long.MIN_VALUE) {
                    s.repairFloor = Math.max(s.lastPushAt, now - settings.repairLookbackMs());
                }
                if (state == SeriesState.REFUSED) {
                    errors.add(s + ": subscription refused: " + detail);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** One decision step at {@code now}: starts the REST tasks that are due. */
    public void tick(long now) {
        List<Runnable> start = new ArrayList<>();
        lock.lock();
        try {
            for (LiveSeries s : series.values()) {
                if (s.busy || s.inactive) {
                    continue;
                }
                Runnable task = decide(s, now);
                if (task != null) {
                    s.busy = true;
                    start.add(task);
                }
            }
        } finally {
            lock.unlock();
        }
        if (!closed) {
            start.forEach(tasks::execute);
        }
    }

    /** The REST task a series needs now, or null. Called under the lock. */
    private Runnable decide(LiveSeries s, long now) {
        long exNow = sync.clock().millis();
        long historyFloor = exNow - s.historyDays * 86_400_000L;
        if (s.fullNeeded || now >= s.nextFullAt) {
            s.nextFullAt = now + settings.fullSyncEveryMs();
            return () -> restTask(s, true, historyFloor);
        }
        boolean healthy = s.usesSocket() && s.socketHealthy(now, settings.silentAfterMs());
        boolean poll = s.mode.equals("polling") || s.mode.equals("hybrid") && !healthy;
        if (poll != s.polling) {
            s.polling = poll;
            if (poll && s.usesSocket()) {
                s.fallbacks++;
                LOG.info(s + ": socket unhealthy (" + s.socket + "), polling over REST");
            } else if (!poll) {
                LOG.info(s + ": pushes flow again, polling stops");
            }
        }
        if (s.repairNeeded && (healthy || poll)) {
            long floor = s.repairFloor == Long.MIN_VALUE ? historyFloor : Math.max(historyFloor, s.repairFloor);
            return () -> restTask(s, false, floor);
        }
        long lastClosed = s.bar.plus(s.bar.openTime(exNow), -1);
        long closedAt = s.bar.next(lastClosed);
        if (poll) {
            if (now >= s.nextPollAt) {
                long nextEnd = s.bar.next(s.bar.openTime(exNow)) + settings.graceMs();
                s.nextPollAt = Math.min(now + s.pollEveryMs, nextEnd - exNow + now);
                long floor = s.repairFloor == Long.MIN_VALUE ? s.bar.plus(lastClosed, -2) : s.repairFloor;
                return () -> restTask(s, false, floor);
            }
            return null;
        }
        if (healthy && s.checkedClosed < lastClosed && exNow >= closedAt + settings.graceMs()) {
            // every bar closed since the last check, not just the newest: a tick may come late
            long first = s.checkedClosed == Long.MIN_VALUE ? lastClosed : s.bar.next(s.checkedClosed);
            s.checkedClosed = lastClosed;
            long missing = s.firstWithoutClosingPush(first, lastClosed);
            if (missing != Long.MIN_VALUE) {
                return () -> restTask(s, false, s.bar.plus(missing, -1));
            }
        }
        return null;
    }

    private void restTask(LiveSeries s, boolean full, long floor) {
        restTasks.incrementAndGet();
        String error = null;
        try {
            long listTime = 0;
            if (full) {
                Instrument info = sync.lookup(s.id);
                listTime = info.listTime();
                if (!info.isLive()) {
                    markInactive(s, info.state());
                    return;
                }
            }
            SyncResult r = sync.syncSeries(s.id, s.bar, floor, listTime, false, null);
            error = r.error();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getMessage();
            LOG.log(Level.WARNING, s + ": REST sync failed", e);
        } finally {
            finish(s, full, floor, error);
        }
    }

    private void finish(LiveSeries s, boolean full, long floor, String error) {
        lock.lock();
        try {
            s.busy = false;
            if (error == null) {
                if (full) {
                    s.fullNeeded = false;
                }
                s.repairNeeded = false;
                s.repairFloor = Long.MIN_VALUE;
            } else {
                // what this task should have fetched is fetched by the next one
                s.repairFloor = s.repairFloor == Long.MIN_VALUE ? floor : Math.min(s.repairFloor, floor);
                s.lastError = error;
                errors.add(s + ": " + error);
            }
        } finally {
            lock.unlock();
        }
    }

    private void markInactive(LiveSeries s, String state) {
        lock.lock();
        try {
            s.inactive = true;
            s.inactiveReason = state;
        } finally {
            lock.unlock();
        }
        if (feed != null && s.usesSocket()) {
            feed.unsubscribe(s.id, s.bar);
        }
        LOG.warning(s + ": instrument is " + state + " on OKX; stops syncing, data kept");
    }

    /** A plain-value snapshot of the engine for the status file. */
    public Map<String, Object> status(long now) {
        lock.lock();
        try {
            return EngineStatus.of(series.values(), now, pushes.get(), restTasks.get(), errors.list(),
                feed);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (feed != null) {
            feed.close();
        }
        tasks.shutdownNow();
        try {
            tasks.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
