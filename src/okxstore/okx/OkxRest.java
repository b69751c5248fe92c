package okxstore.okx;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.Exchange;
import okxstore.candle.ExchangeException;
import okxstore.candle.Instrument;
import okxstore.candle.InstrumentId;
import okxstore.json.Json;

/**
 * The {@link Exchange} seam over OKX's public REST API: pages of candles (choosing between
 * {@code /market/candles} and {@code /market/history-candles}), instruments and the exchange's
 * clock. Shares its {@link RateLimits} with whoever else was given them; retries retryable failures
 * itself, throwing only permanent ones or the last after {@link RestSettings#maxRetries()}. An
 * interrupted caller gets {@link InterruptedException} with its interrupt flag set again.
 * Thread-safe: any number of virtual threads may call it at once.
 */
public final class OkxRest implements Exchange {
    /** Largest page either candle endpoint serves (API-NOTES §3.1, §7.4). */
    public static final int MAX_PAGE = 300;
    /** {@code /market/candles} serves only the latest 1,440 bars of each size (API-NOTES §7.1). */
    static final int CANDLES_REACH = 1_440;
    /** Bars kept clear of that edge, for clock error and a bar rolling over during the call. */
    static final int REACH_SAFETY = 5;
    private static final Duration CLOCK_REFRESH = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(OkxRest.class.getName());

    private final RestSettings settings;
    private final RestTransport transport;
    private final InstantSource clock;
    private final LongAdder skippedRows = new LongAdder();
    private final LogThrottle skipWarnings = new LogThrottle(Duration.ofSeconds(10).toNanos());
    private final ReentrantLock clockCheck = new ReentrantLock();
    private final Ticker ticker;
    private volatile boolean clockAsked;
    private volatile long offsetMillis;
    private volatile long offsetCheckedAt;

    /** A client on the real clock with limits of its own. */
    public OkxRest(RestSettings settings) {
        this(settings, RateLimits.of(settings), InstantSource.system(), new SplittableRandom());
    }

    /**
     * @param limits shared by every client of the same host in this process
     * @param clock  the local clock; the exchange's is estimated from it and {@code /public/time}
     * @param random jitter of the back-off (need not be thread-safe)
     */
    public OkxRest(RestSettings settings, RateLimits limits, InstantSource clock, RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        this.ticker = limits.ticker();
        this.transport = new RestTransport(settings, limits, random);
    }

    @Override
    public List<Candle> candles(InstrumentId id, Bar bar, Long newerThan, Long olderThan, int limit)
        throws ExchangeException, InterruptedException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        int n = Math.min(limit, MAX_PAGE);
        if (newerThan != null && olderThan != null && olderThan - newerThan <= 1) {
            return List.of(); // no open time fits strictly between them
        }
        Endpoint endpoint = bar == Bar.S1 ? Endpoint.HISTORY_CANDLES
            : endpointFor(bar, newerThan, olderThan, n, checkedNow());
        List<Candle> rows = fetch(endpoint, id, bar, newerThan, olderThan, n);
        if (endpoint == Endpoint.CANDLES && newerThan == null && rows.size() < n) {
            // a short page without a lower bound may have met the 1,440-bar edge (holes make the guess wrong)
            LOG.fine(() -> "candles " + id + " " + bar + ": short page of " + rows.size() + ", asking history-candles");
            return fetch(Endpoint.HISTORY_CANDLES, id, bar, newerThan, olderThan, n);
        }
        return rows;
    }

    /**
     * The endpoint for a window: {@code /market/candles} when every bar the page can need lies
     * safely within the latest 1,440 bars at {@code now}; {@code /market/history-candles} otherwise
     * and always for {@code 1s} (API-NOTES §3.5, §7.7). Without {@code newerThan} the page reaches
     * back {@code limit} bars from {@code olderThan} (or now).
     */
    static Endpoint endpointFor(Bar bar, Long newerThan, Long olderThan, int limit, long now) {
        if (bar == Bar.S1) {
            return Endpoint.HISTORY_CANDLES;
        }
        long latest = bar.openTime(now);
        long edge = bar.plus(latest, -(CANDLES_REACH - 1 - REACH_SAFETY));
        long oldest;
        if (newerThan != null) {
            oldest = newerThan + 1;
        } else {
            long top = olderThan == null ? latest : bar.openTime(olderThan - 1);
            oldest = bar.plus(Math.min(top, latest), -(limit - 1));
        }
        return oldest >= edge ? Endpoint.CANDLES : Endpoint.HISTORY_CANDLES;
    }

    private List<Candle> fetch(Endpoint endpoint, InstrumentId id, Bar bar, Long newerThan, Long olderThan, int n)
        throws ExchangeException, InterruptedException {
        String context = endpoint.label() + " " + id + " " + bar.okxName();
        StringBuilder query = new StringBuilder(96).append("instId=").append(id.value())
            .append("&bar=").append(bar.okxName());
        if (olderThan != null) {
            query.append("&after=").append(olderThan); // rows with ts < after, API-NOTES §3.2
        }
        if (newerThan != null) {
            query.append("&before=").append(newerThan); // rows with ts > before; alone: the newest, §7.3
        }
        query.append("&limit=").append(n);
        CandleRows.Page page = transport.get(endpoint, query.toString(), context, settings.maxRetries(),
            answer -> decodePage(answer, context));
        return window(page, newerThan, olderThan, context);
    }

    private static CandleRows.Page decodePage(RestTransport.Answer answer, String context) throws ExchangeException {
        CandleRows.Page page;
        try {
            page = CandleRows.decodePage(answer.body());
        } catch (CandleRows.Mismatch fast) {
            try {
                page = CandleRows.pageOf(Json.parse(answer.body())); // the general parser names the problem
            } catch (RuntimeException e) {
                throw OkxErrors.unparsable(context, answer.status(), answer.body(), e);
            }
        }
        OkxErrors.check(context, answer.status(), page.code(), page.msg());
        return page;
    }

    /** The page's rows inside the window, oldest first, one per open time; the rest counted and logged. */
    private List<Candle> window(CandleRows.Page page, Long newerThan, Long olderThan, String context) {
        List<Candle> out = new ArrayList<>(page.rows().size());
        for (Candle c : page.rows()) {
            if ((newerThan == null || c.ts() > newerThan) && (olderThan == null || c.ts() < olderThan)) {
                out.add(c);
            }
        }
        int outside = page.rows().size() - out.size();
        out.sort(Comparator.comparingLong(Candle::ts)); // OKX sends newest first, API-NOTES §3.3
        int duplicates = 0;
        for (int i = out.size() - 1; i > 0; i--) {
            if (out.get(i).ts() == out.get(i - 1).ts()) {
                out.remove(i);
                duplicates++;
            }
        }
        int skipped = page.skipped() + outside + duplicates;
        if (skipped > 0) {
            skippedRows.add(skipped);
            String why = page.firstProblem() != null ? page.firstProblem()
                : outside > 0 ? outside + " outside the window" : duplicates + " with a repeated ts";
            int held = skipWarnings.admit(ticker.nanos());
            String message = context + ": skipped " + skipped + " of " + (page.rows().size() + page.skipped())
                + " rows; " + why;
            LOG.log(held == LogThrottle.SUPPRESS ? Level.FINE : Level.WARNING, LogThrottle.withHeld(message, held));
        }
        return out;
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId id) throws ExchangeException, InterruptedException {
        Optional<String> type = Instruments.typeOf(id);
        if (type.isEmpty()) {
            LOG.fine(() -> "instruments " + id + ": not an OKX instrument id shape");
            return Optional.empty();
        }
        String context = "instruments " + id;
        try {
            return transport.get(Endpoint.INSTRUMENTS, Instruments.query(id, type.get()), context,
                settings.maxRetries(), answer -> {
                    Envelope envelope = envelope(answer, context);
                    try {
                        return Instruments.parse(id, type.get(), envelope.data());
                    } catch (IllegalArgumentException e) {
                        throw OkxErrors.unparsable(context, answer.status(), answer.body(), e);
                    }
                });
        } catch (ExchangeException e) {
            if (e.kind() == ExchangeException.Kind.UNKNOWN_INSTRUMENT) {
                return Optional.empty(); // 51001, API-NOTES §4
            }
            throw e;
        }
    }

    @Override
    public long serverTime() throws ExchangeException, InterruptedException {
        return serverTime(settings.maxRetries());
    }

    private long serverTime(int retries) throws ExchangeException, InterruptedException {
        return transport.get(Endpoint.TIME, "", "time", retries, answer -> {
            Envelope envelope = envelope(answer, "time");
            String ts = envelope.data() instanceof List<?> list && !list.isEmpty()
                && list.get(0) instanceof Map<?, ?> entry ? Envelope.scalar(entry.get("ts")) : null;
            long ms = ts == null ? -1 : FastDecimal.parseMillis(ts);
            if (ms < 0) {
                throw OkxErrors.unparsable("time", answer.status(), answer.body(),
                    new IllegalArgumentException("no ts"));
            }
            long local = clock.millis();
            offsetMillis = ms + answer.elapsedNanos() / 2_000_000 - local; // the answer left OKX mid-way
            offsetCheckedAt = local;
            return ms;
        });
    }

    /** The exchange's clock as estimated from the last {@link #serverTime()}, epoch ms (no request). */
    public long exchangeNow() {
        return clock.millis() + offsetMillis;
    }

    /**
     * {@link #exchangeNow()}, first asking OKX's time (one attempt) when it was never asked (the
     * first callers wait for that answer) or an hour ago (one caller asks, the others go on).
     */
    private long checkedNow() throws InterruptedException {
        if (clockStale() && (clockAsked ? clockCheck.tryLock() : lock(clockCheck))) {
            try {
                if (clockStale()) {
                    serverTime(0);
                }
            } catch (ExchangeException e) {
                LOG.warning("exchange clock unknown, using the local one: " + e.getMessage());
            } finally {
                if (clockStale()) {
                    offsetCheckedAt = clock.millis(); // asked, answered or not: no storm of calls while OKX is down
                }
                clockAsked = true;
                clockCheck.unlock();
            }
        }
        return exchangeNow();
    }

    private boolean clockStale() {
        return !clockAsked || clock.millis() - offsetCheckedAt >= CLOCK_REFRESH.toMillis();
    }

    private static boolean lock(ReentrantLock lock) throws InterruptedException {
        try {
            lock.lockInterruptibly();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private static Envelope envelope(RestTransport.Answer answer, String context) throws ExchangeException {
        Envelope envelope;
        try {
            envelope = Envelope.of(Json.parse(answer.body()));
        } catch (RuntimeException e) {
            throw OkxErrors.unparsable(context, answer.status(), answer.body(), e);
        }
        OkxErrors.check(context, answer.status(), envelope.code(), envelope.msg());
        return envelope;
    }

    @Override
    public int maxPageSize() {
        return MAX_PAGE;
    }

    /** Counters since creation: requests per endpoint, retries, rate-limit answers, timeouts, skipped rows. */
    public RestStats stats() {
        return transport.stats(skippedRows.sum());
    }

    @Override
    public void close() {
        transport.close();
    }
}
