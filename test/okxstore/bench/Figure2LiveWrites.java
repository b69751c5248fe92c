package okxstore.bench;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import okxstore.store.CandleWriter;
import okxstore.store.StoredCandle;
import okxstore.store.WriterSettings;

/**
 * Figure 2: live-shaped writes through the {@link CandleWriter} (default settings, bounded queue):
 * 3,000 series (1,000 instruments x 1m/1H/1Dutc, one file per instrument) each updating its
 * running bar once a second for 60 s, then a ramp to find the highest rate sustained. Latency is
 * enqueue-to-commit: each candle's updatedAt is its put time, read back in a commit listener.
 */
final class Figure2LiveWrites {
    static final int INSTRUMENTS = 1_000;
    static final List<Bar> BARS = List.of(Bar.M1, Bar.H1, Bar.D1_UTC);
    static final int SERIES = INSTRUMENTS * 3;
    private static final long ONE_X_SECONDS = 60;
    private static final long TEN_X_SECONDS = 10;
    private static final long RAMP_SECONDS = 6;
    private static final int[] RAMP = {10, 20, 40, 80};

    private Figure2LiveWrites() {
    }

    static List<Row> run(BenchContext ctx) throws Exception {
        boolean reset = Rss.resetSelf();
        Path dir = ctx.dir("f2");
        LiveLoad load = new LiveLoad(series());
        List<LiveLoad.Phase> ramp = new ArrayList<>();
        LiveLoad.Phase oneX;
        try (CandleWriter writer = new CandleWriter(dir, WriterSettings.defaults(), InstantSource.system())) {
            writer.addListener(load::committed);
            load.prime(writer);
            oneX = load.phase(writer, SERIES, TimeUnit.SECONDS.toNanos(ONE_X_SECONDS));
            BenchContext.log("figure 2 1x: %s", oneX);
            for (int x : RAMP) {
                long seconds = x == 10 ? TEN_X_SECONDS : RAMP_SECONDS;
                LiveLoad.Phase p = load.phase(writer, SERIES * x, TimeUnit.SECONDS.toNanos(seconds));
                BenchContext.log("figure 2 %dx: %s", x, p);
                ramp.add(p);
                if (!p.sustained(250)) {
                    break;
                }
            }
        }
        double peak = Rss.selfPeakMib();
        BenchContext.delete(dir);
        LiveLoad.Phase tenX = ramp.get(0);
        double best = ramp.stream().filter(p -> p.sustained(250)).mapToDouble(LiveLoad.Phase::achievedRate).max().orElse(0);
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("2", "1x (3,000 upd/s, 60 s): p99 enqueue-to-commit", oneX.p(99), "ms")
            .target("< 100 ms", oneX.p(99) < 100).note(oneX.toString()));
        rows.add(Row.of("2b", "10x (30,000 upd/s): p99 enqueue-to-commit", tenX.p(99), "ms")
            .target(">= 30,000/s, p99 < 250 ms", tenX.sustained(250)).note(tenX.toString()));
        rows.add(Row.of("2c", "highest rate sustained (p99 < 250 ms)", best, "upd/s")
            .note("ramp after the 1x minute: 10x for " + TEN_X_SECONDS + " s, then " + RAMP_SECONDS + " s steps, until a step"
                + " is not sustained (>= 95% of the offered rate, drained within 1 s, p99 < 250 ms): " + describe(ramp)));
        rows.add(Row.of("2d", "peak RSS of the bench JVM during figure 2", peak, "MiB")
            .note((reset ? "VmHWM reset at the start of the figure" : "VmHWM since JVM start (reset refused)")
                + "; default heap sizing, includes the bench's own load generator"));
        return rows;
    }

    private static String describe(List<LiveLoad.Phase> ramp) {
        StringBuilder sb = new StringBuilder();
        for (LiveLoad.Phase p : ramp) {
            sb.append(sb.isEmpty() ? "" : "; ").append(p.offeredRate() / SERIES).append("x: ")
                .append(Stats.fmt(p.achievedRate())).append("/s p99 ").append(Stats.fmt(p.p(99))).append(" ms");
        }
        return sb.toString();
    }

    /** 1,000 instruments x 3 bars, instrument-major, so consecutive updates go to different files. */
    static List<LiveLoad.Series> series() {
        List<LiveLoad.Series> out = new ArrayList<>(SERIES);
        for (Bar bar : BARS) {
            for (int i = 0; i < INSTRUMENTS; i++) {
                out.add(new LiveLoad.Series(InstrumentId.parse(String.format("L%04d-USDT", i)), bar, 100 + i));
            }
        }
        return out;
    }

    /** The running bar of a series at its n-th update: prices drift with n, volume grows, never confirmed. */
    static Candle running(Bar bar, long now, double base, long n) {
        double open = base;
        double close = base + (n % 200) * 0.01;
        return new Candle(bar.openTime(now), open, Math.max(open, close) + 0.5, Math.min(open, close) - 0.5, close,
            1 + n * 0.001, (1 + n * 0.001) * base, (1 + n * 0.001) * base, false);
    }

    static StoredCandle update(LiveLoad.Series s, long now, long updatedAt, long n) {
        return new StoredCandle(s.id(), s.bar(), running(s.bar(), now, s.base(), n), StoredCandle.WS, updatedAt);
    }
}
