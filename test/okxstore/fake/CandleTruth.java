package okxstore.fake;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okxstore.candle.Bar;
import okxstore.candle.Candle;

/**
 * What the fake exchange knows: every bar of every listed instrument, generated on demand and
 * deterministic from a seed. No bar opens before the bar holding the listing time, none inside a
 * configured hole, none after "now" (the injected clock); the bar holding "now" is unfinished
 * ({@code confirm "0"}, partial values). Thread-safe: listings and holes may change while serving.
 */
public final class CandleTruth {
    /** Share of intraday bars in which nothing traded (OHLC = previous close, vol 0; API-NOTES §3.3). */
    public static final double DEFAULT_ZERO_VOLUME_FRACTION = 0.02;

    private final long seed;
    private final InstantSource clock;
    private final double zeroFraction;
    private final Map<String, Long> listTimes = new ConcurrentHashMap<>();
    private final Map<String, PriceModel> models = new ConcurrentHashMap<>();
    private final Map<String, List<long[]>> holes = new ConcurrentHashMap<>();

    public CandleTruth(long seed, InstantSource clock, double zeroVolumeFraction) {
        if (!(zeroVolumeFraction >= 0 && zeroVolumeFraction < 1)) {
            throw new IllegalArgumentException("zero-volume fraction must be in [0, 1): " + zeroVolumeFraction);
        }
        this.seed = seed;
        this.clock = clock;
        this.zeroFraction = zeroVolumeFraction;
    }

    public CandleTruth(long seed, InstantSource clock) {
        this(seed, clock, DEFAULT_ZERO_VOLUME_FRACTION);
    }

    public InstantSource clock() {
        return clock;
    }

    /** Lists {@code instId} at {@code listTime} (epoch ms); relisting moves the first bar. */
    public CandleTruth listing(String instId, long listTime) {
        listTimes.put(instId, listTime);
        return this;
    }

    public OptionalLong listTime(String instId) {
        Long t = listTimes.get(instId);
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /** A genuine hole: the exchange has no {@code bar} bars of {@code instId} opening in [from, to). */
    public CandleTruth hole(String instId, Bar bar, long fromInclusive, long toExclusive) {
        if (toExclusive <= fromInclusive) {
            throw new IllegalArgumentException("empty hole [" + fromInclusive + ", " + toExclusive + ")");
        }
        holes.computeIfAbsent(key(instId, bar), k -> new CopyOnWriteArrayList<>())
            .add(new long[] {fromInclusive, toExclusive});
        return this;
    }

    /** The tick size OKX would list for the instrument ({@code "0.1"} or {@code "0.01"}). */
    public String tickSize(String instId) {
        return model(instId).tickSize();
    }

    /** Open time of the first bar of {@code instId}: the bar holding the listing time. */
    public OptionalLong firstBar(String instId, Bar bar) {
        Long t = listTimes.get(instId);
        return t == null ? OptionalLong.empty() : OptionalLong.of(bar.openTime(t));
    }

    /** True when the exchange has (or is forming) the bar opening at {@code ts}, as of now. */
    public boolean exists(String instId, Bar bar, long ts) {
        Long listTime = listTimes.get(instId);
        return listTime != null && bar.isOnGrid(ts) && ts >= bar.openTime(listTime)
            && ts <= clock.millis() && holeStart(instId, bar, ts) == Long.MIN_VALUE;
    }

    /** The bar as the exchange shows it now (partial when unfinished), or null when it does not exist. */
    public TruthBar bar(String instId, Bar bar, long ts) {
        return barAt(instId, bar, ts, clock.millis());
    }

    /** The nine OKX strings of the bar as of now, or null when it does not exist. */
    public String[] row(String instId, Bar bar, long ts) {
        TruthBar b = bar(instId, bar, ts);
        return b == null ? null : b.fields();
    }

    /** The bar's final values whatever the clock says (null when listing or holes exclude it). */
    public TruthBar finalBar(String instId, Bar bar, long ts) {
        return barAt(instId, bar, ts, Long.MAX_VALUE);
    }

    /** The nine OKX strings of the bar as it stands at {@code asOfMs} (e.g. for a WebSocket push), or null. */
    public String[] rowAt(String instId, Bar bar, long ts, long asOfMs) {
        TruthBar b = barAt(instId, bar, ts, asOfMs);
        return b == null ? null : b.fields();
    }

    /**
     * The bar as it stands at {@code asOf} (partial before its end, final after), ignoring the
     * clock; null when it has not opened by then, or listing or holes exclude it.
     */
    public TruthBar barAt(String instId, Bar bar, long ts, long asOf) {
        Long listTime = listTimes.get(instId);
        if (listTime == null || !bar.isOnGrid(ts) || ts < bar.openTime(listTime)
            || ts > asOf || holeStart(instId, bar, ts) != Long.MIN_VALUE) {
            return null;
        }
        return model(instId).bar(bar, ts, bar.next(ts), asOf, zeroFraction);
    }

    /**
     * Feeds the bars that exist now with open times in [lowest, highest], newest first, stopping
     * after {@code limit}; returns how many were fed. Holes are skipped in one step.
     */
    public int newestFirst(String instId, Bar bar, long highest, long lowest, int limit, Consumer<TruthBar> sink) {
        Long listTime = listTimes.get(instId);
        long now = clock.millis();
        if (listTime == null || limit <= 0) {
            return 0;
        }
        long low = Math.max(lowest, bar.openTime(listTime));
        if (Math.min(highest, now) < low) {
            return 0;
        }
        long ts = bar.openTime(Math.min(highest, now));
        PriceModel model = model(instId);
        int fed = 0;
        while (ts >= low && fed < limit) {
            long hole = holeStart(instId, bar, ts);
            if (hole != Long.MIN_VALUE) {
                if (hole <= low) {
                    break;
                }
                ts = bar.openTime(hole - 1);
                continue;
            }
            sink.accept(model.bar(bar, ts, bar.next(ts), now, zeroFraction));
            fed++;
            ts = bar.plus(ts, -1);
        }
        return fed;
    }

    /** Every bar existing now with an open time in [from, to), oldest first; the newest may be unfinished. */
    public List<TruthBar> bars(String instId, Bar bar, long fromInclusive, long toExclusive) {
        List<TruthBar> out = new ArrayList<>();
        if (toExclusive > fromInclusive) {
            newestFirst(instId, bar, toExclusive - 1, fromInclusive, Integer.MAX_VALUE, out::add);
        }
        return out.reversed();
    }

    /** {@link #bars} as OKX's nine strings, oldest first. */
    public List<String[]> rows(String instId, Bar bar, long fromInclusive, long toExclusive) {
        return bars(instId, bar, fromInclusive, toExclusive).stream().map(TruthBar::fields).toList();
    }

    /** The closed bars in [from, to), oldest first, parsed as the store parses them: compare a store row by row. */
    public List<Candle> closedCandles(String instId, Bar bar, long fromInclusive, long toExclusive) {
        return bars(instId, bar, fromInclusive, toExclusive).stream()
            .filter(TruthBar::confirmed).map(TruthBar::toCandle).toList();
    }

    /** Start of the hole holding {@code ts}, or {@code Long.MIN_VALUE} when it is in none. */
    long holeStart(String instId, Bar bar, long ts) {
        List<long[]> list = holes.get(key(instId, bar));
        if (list == null) {
            return Long.MIN_VALUE;
        }
        long start = Long.MIN_VALUE;
        for (long[] h : list) {
            if (ts >= h[0] && ts < h[1]) {
                start = start == Long.MIN_VALUE ? h[0] : Math.min(start, h[0]);
            }
        }
        return start;
    }

    private PriceModel model(String instId) {
        return models.computeIfAbsent(instId, id -> new PriceModel(seed, id));
    }

    private static String key(String instId, Bar bar) {
        return instId + "/" + bar.okxName();
    }
}
