package okxstore.fake;

import java.util.Map;
import okxstore.candle.Bar;

/**
 * The fake market of one instrument: a deterministic price path (value-noise octaves from 1 s to
 * half a year, which behaves like a random walk with a little trend) and the bars cut from it.
 * Pure functions of the seed and the instrument id, so any bar can be computed alone, in any
 * order; a bar's close is the next bar's open. Immutable and thread-safe.
 */
final class PriceModel {
    private static final int OCTAVES = 13;
    private static final double SIGMA_PER_SECOND = 4e-5;
    /** Amplitude growth per octave (x4 period): a bit over 2 gives daily ranges of a few percent. */
    private static final double GROWTH = 2.3;
    private static final double MAX_AMPLITUDE = 0.25;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long ODD = 0xD1B54A32D192ED03L;
    private static final int MAX_ZERO_RUN = 64;
    private static final Map<String, Double> KNOWN_PRICES =
        Map.of("BTC", 68_000.0, "ETH", 3_500.0, "SOL", 150.0, "OKB", 50.0, "DOGE", 12.0);
    private static final Map<String, Double> KNOWN_QUOTE_VOLUME_PER_MINUTE =
        Map.of("BTC", 400_000.0, "ETH", 200_000.0, "SOL", 80_000.0);

    private final long key;
    private final double basePrice;
    private final int decimals;
    private final double tick;
    private final double baseVolumePerMinute;

    PriceModel(long seed, String instId) {
        this.key = mix(seed ^ mix(instId.hashCode() * GOLDEN));
        String ccy = instId.split("-", 2)[0];
        this.basePrice = KNOWN_PRICES.getOrDefault(ccy, Math.pow(10, 1 + 3 * unit(mix(key + 1))));
        this.decimals = basePrice >= 10_000 ? 1 : 2;
        this.tick = Math.pow(10, -decimals);
        double quotePerMinute = KNOWN_QUOTE_VOLUME_PER_MINUTE.getOrDefault(ccy, 30_000.0);
        this.baseVolumePerMinute = quotePerMinute / basePrice;
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A hash as a double in [0, 1). */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    private static double signed(long hash) {
        return unit(hash) * 2 - 1;
    }

    int decimals() {
        return decimals;
    }

    /** The tick size as OKX prints it ({@code "0.1"}, {@code "0.01"}). */
    String tickSize() {
        return decimals == 1 ? "0.1" : "0.01";
    }

    /** The market price at {@code t} (epoch ms); continuous in {@code t}. */
    double price(long t) {
        double sum = 0;
        long period = 1_000;
        double amplitude = SIGMA_PER_SECOND;
        for (int k = 0; k < OCTAVES; k++) {
            long i = Math.floorDiv(t, period);
            double frac = (t - i * period) / (double) period;
            long octave = key + (k + 1) * GOLDEN;
            double a = signed(mix(octave + i * ODD));
            double b = signed(mix(octave + (i + 1) * ODD));
            sum += amplitude * (a + (b - a) * frac);
            period *= 4;
            amplitude = Math.min(MAX_AMPLITUDE, amplitude * GROWTH);
        }
        return basePrice * Math.exp(sum);
    }

    private long ticks(long t) {
        return Math.max(1, Math.round(price(t) / tick));
    }

    private long barHash(Bar bar, long open) {
        return mix(key ^ mix(bar.okxName().hashCode() + open * ODD));
    }

    /** True when nobody traded in the bar: {@code zeroFraction} of the bars shorter than a day. */
    boolean isUntraded(Bar bar, long open, double zeroFraction) {
        boolean intraday = !bar.isCalendar() && bar.durationMillis() < 86_400_000L;
        return intraday && unit(mix(barHash(bar, open) + 3)) < zeroFraction;
    }

    /**
     * The bar opening at {@code open} (the next one opens at {@code next}) as seen at {@code upTo}:
     * final when {@code upTo >= next}, else partial values that grow into the final ones.
     */
    TruthBar bar(Bar bar, long open, long next, long upTo, double zeroFraction) {
        boolean closed = upTo >= next;
        if (isUntraded(bar, open, zeroFraction)) {
            long runStart = open;
            for (int i = 0; i < MAX_ZERO_RUN && isUntraded(bar, bar.plus(runStart, -1), zeroFraction); i++) {
                runStart = bar.plus(runStart, -1);
            }
            long previousClose = ticks(runStart);
            return new TruthBar(open, previousClose, previousClose, previousClose, previousClose, 0, decimals, closed);
        }
        TruthBar whole = finalBar(bar, open, next);
        if (closed) {
            return whole;
        }
        long len = next - open;
        long elapsed = Math.max(0, upTo - open);
        double progress = elapsed / (double) len;
        long close = Math.clamp(ticks(Math.max(open, upTo)), whole.low(), whole.high());
        long high = Math.max(whole.open(), close);
        long low = Math.min(whole.open(), close);
        for (int j = 1; j <= 3; j++) {
            long t = open + len * j / 4;
            if (t <= upTo) {
                high = Math.max(high, ticks(t));
                low = Math.min(low, ticks(t));
            }
        }
        long wickUp = whole.high() - Math.max(whole.open(), whole.close());
        long wickDown = Math.min(whole.open(), whole.close()) - whole.low();
        high = Math.min(whole.high(), high + (long) (wickUp * progress));
        low = Math.max(whole.low(), low - (long) (wickDown * progress));
        long vol = (long) (whole.volUnits() * progress);
        return new TruthBar(open, whole.open(), high, low, close, vol, decimals, false);
    }

    private TruthBar finalBar(Bar bar, long open, long next) {
        long h = barHash(bar, open);
        long len = next - open;
        long o = ticks(open);
        long c = ticks(next);
        double max = Math.max(price(open), price(next));
        double min = Math.min(price(open), price(next));
        for (int j = 1; j <= 3; j++) {
            double p = price(open + len * j / 4);
            max = Math.max(max, p);
            min = Math.min(min, p);
        }
        double wickScale = SIGMA_PER_SECOND * Math.sqrt(len / 1000.0) * 0.6;
        long high = Math.max(Math.max(o, c), (long) Math.ceil(max * (1 + wickScale * unit(mix(h + 1))) / tick));
        long low = Math.min(Math.min(o, c), (long) Math.floor(min * (1 - wickScale * unit(mix(h + 2))) / tick));
        double minutes = len / 60_000.0;
        double activity = Math.exp(1.6 * signed(mix(h + 4)));
        long vol = Math.max(1, Math.round(baseVolumePerMinute * minutes * activity * 1e8));
        return new TruthBar(open, o, high, Math.max(1, low), c, vol, decimals, /* confirmed= */ true);
    }
}
