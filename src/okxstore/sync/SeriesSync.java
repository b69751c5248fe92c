package okxstore.sync;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.logging.Logger;

import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.Exchange;
import okxstore.candle.ExchangeException;
import okxstore.candle.InstrumentId;
import okxstore.store.CandleWriter;
import okxstore.store.Gap;
import okxstore.store.Hole;
import okxstore.store.StoreException;
import okxstore.store.StoreReader;
import okxstore.store.StoredCandle;

/**
 * One REST sync pass over one series (instrument and bar). It works out from what is on disk
 * which bars between the history floor and now are missing — below the first stored bar, interior
 * gaps, after the newest confirmed bar, closed bars still unconfirmed, holes due for a second
 * look — and fetches exactly those ranges, newest first, through the exchange's pages. Bars the
 * exchange does not return are recorded as holes with a reason, so they are not asked for again.
 * A pass killed at any point resumes from the disk. Used by one thread at a time.
 */
public final class SeriesSync {
    private static final Logger LOG = Logger.getLogger(SeriesSync.class.getName());
    /** Bars this recent may still be on their way into the exchange's history: never called holes. */
    private static final long SETTLE_MS = 60_000;

    private final Exchange exchange;
    private final CandleWriter writer;
    private final StoreReader reader;
    private final InstantSource wallClock;
    private final InstantSource exchangeClock;
    private final Duration noDataRecheck;
    private final InstrumentId id;
    private final Bar bar;
    private final int page;
    private LongConsumer progress = n -> { };
    private LongConsumer planned = n -> { };
    private long requests;
    private long candles;
    private long holes;

    public SeriesSync(Exchange exchange, CandleWriter writer, StoreReader reader, InstantSource wallClock,
                      InstantSource exchangeClock, Duration noDataRecheck, InstrumentId id, Bar bar) {
        this.exchange = exchange;
        this.writer = writer;
        this.reader = reader;
        this.wallClock = wallClock;
        this.exchangeClock = exchangeClock;
        this.noDataRecheck = noDataRecheck;
        this.id = id;
        this.bar = bar;
        this.page = exchange.maxPageSize();
    }

    /** Called with the number of candles received after each page. */
    public SeriesSync onProgress(LongConsumer progress) {
        this.progress = progress;
        return this;
    }

    /** Called with the number of bars a pass plans to fetch, before it starts. */
    public SeriesSync onPlanned(LongConsumer planned) {
        this.planned = planned;
        return this;
    }

    public SyncResult result(String error) {
        return new SyncResult(id, bar, requests, candles, holes, error);
    }

    /**
     * Syncs the series from the bar containing {@code floor} (not before {@code listTime}, when
     * known) up to now. {@code recheck} forgets recorded holes first and asks for them again.
     */
    public SyncResult run(long floor, long listTime, boolean recheck)
        throws ExchangeException, StoreException, InterruptedException {
        if (recheck) {
            writer.clearHoles(id, bar);
        }
        writer.flush().join();
        long target = bar.openTime(Math.max(floor, listTime));
        long current = bar.openTime(exchangeClock.millis());
        // never leave a hole between what is stored and now, however short the window asked for
        OptionalLong confirmed = reader.lastConfirmedTs(id, bar);
        long from = confirmed.isPresent() ? Math.min(target, bar.next(confirmed.getAsLong())) : target;
        List<Gap> plan = plan(from, current);
        planned.accept(plan.stream().mapToLong(Gap::bars).sum());
        for (Gap gap : plan) {
            fetchRange(gap, target);
        }
        for (Hole h : dueHoles(target, wallClock.millis())) {
            // counted as asked again before asking, so bars that turn up do not leave it due forever
            writer.recordHole(id, bar, h.from(), h.to(), h.reason(), wallClock.millis());
            fetchRange(gap(h.from(), h.to()), target);
        }
        writer.setHistoryFloor(id, bar, target, true);
        writer.flush().join();
        return result(null);
    }

    /** Fetches one explicit range [from, to] (instants), skipping what is stored and known holes. */
    public SyncResult backfill(long from, long to) throws ExchangeException, StoreException, InterruptedException {
        writer.flush().join();
        long first = bar.openTime(from);
        long last = Math.min(bar.openTime(to), bar.openTime(exchangeClock.millis()));
        List<Gap> plan = newestFirst(reader.openGaps(id, bar, first, last));
        planned.accept(plan.stream().mapToLong(Gap::bars).sum());
        for (Gap g : plan) {
            fetchRange(g, first);
        }
        writer.flush().join();
        return result(null);
    }

    /**
     * The ranges to fetch, newest first: every bar of [target, current] neither stored nor a known
     * hole, and every stored bar still unconfirmed.
     */
    List<Gap> plan(long target, long current) throws StoreException {
        List<Gap> plan = new ArrayList<>(reader.openGaps(id, bar, target, current));
        for (long ts : reader.unconfirmed(id, bar, target, current)) {
            plan.add(gap(ts, ts));
        }
        return newestFirst(plan);
    }

    /** No-data holes asked about once, a while ago: they get one more look (API-NOTES §7b). */
    List<Hole> dueHoles(long target, long now) throws StoreException {
        List<Hole> due = new ArrayList<>();
        for (Hole h : reader.holes(id, bar)) {
            if (h.reason().equals(Hole.NO_DATA) && h.attempts() < 2 && now - h.checkedAt() >= noDataRecheck.toMillis()
                && h.from() >= target) {
                due.add(h);
            }
        }
        return due;
    }

    private static List<Gap> newestFirst(List<Gap> gaps) {
        List<Gap> sorted = new ArrayList<>(gaps);
        sorted.sort(Comparator.comparingLong(Gap::from).reversed());
        return sorted;
    }

    private Gap gap(long from, long to) {
        return new Gap(from, to, bar.countBetween(from, to));
    }

    /** Fetches a range; what the exchange did not return (and has settled) is recorded as a hole. */
    private void fetchRange(Gap range, long target) throws ExchangeException, InterruptedException {
        long[] got = fetchWindow(bar.plus(range.from(), -1), bar.next(range.to()));
        long settled = bar.openTime(exchangeClock.millis() - SETTLE_MS);
        long lastClosed = bar.plus(settled, -1);
        for (Gap missing : Missing.ranges(bar, range.from(), Math.min(range.to(), lastClosed), got)) {
            record(missing.from(), missing.to(), reasonFor(missing, target));
        }
    }

    /** A range at the bottom of the history with nothing older on the exchange is before its listing. */
    private String reasonFor(Gap missing, long target) throws ExchangeException, InterruptedException {
        if (missing.from() != target) {
            return Hole.NO_DATA;
        }
        requests++;
        if (!exchange.candles(id, bar, null, missing.from(), 1).isEmpty()) {
            return Hole.NO_DATA;
        }
        if (bar == Bar.S1 && missing.from() < exchangeClock.millis() - Duration.ofDays(89).toMillis()) {
            return Hole.BEYOND_RETENTION;
        }
        return Hole.BEFORE_LISTING;
    }

    /**
     * Fetches every bar with open time strictly between the two bounds, newest page first, and
     * returns the open times received, ascending.
     */
    long[] fetchWindow(long newerThan, long olderThan) throws ExchangeException, InterruptedException {
        TreeSet<Long> seen = new TreeSet<>();
        long cursor = olderThan;
        while (cursor > newerThan) {
            List<Candle> raw = fetch(newerThan, cursor);
            long bound = cursor;
            List<Candle> rows = raw.stream()
                .filter(c -> bar.isOnGrid(c.ts()) && c.ts() > newerThan && c.ts() < bound).toList();
            store(rows);
            rows.forEach(c -> seen.add(c.ts()));
            if (raw.size() < page || rows.isEmpty()) {
                break;
            }
            cursor = rows.get(0).ts();
        }
        writer.flush().join();
        return seen.stream().mapToLong(Long::longValue).toArray();
    }

    private List<Candle> fetch(long newerThan, long olderThan) throws ExchangeException, InterruptedException {
        requests++;
        long now = exchangeClock.millis();
        // OKX has no bar in the future: an open upper bound costs nothing and lets it pick its recent endpoint
        Long upper = olderThan > now ? null : olderThan;
        return exchange.candles(id, bar, newerThan, upper, page);
    }

    private void store(List<Candle> rows) throws InterruptedException {
        long observed = wallClock.millis();
        for (Candle c : rows) {
            writer.put(new StoredCandle(id, bar, c, StoredCandle.REST, observed));
        }
        candles += rows.size();
        progress.accept(rows.size());
    }

    private void record(long from, long to, String reason) throws InterruptedException {
        holes++;
        LOG.fine(() -> id + "/" + bar + ": no bars on OKX from " + from + " to " + to + " (" + reason + ")");
        writer.recordHole(id, bar, from, to, reason, wallClock.millis());
    }
}
