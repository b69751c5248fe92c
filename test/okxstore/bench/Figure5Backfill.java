package okxstore.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.cli.Main;
import okxstore.fake.Endpoint;
import okxstore.fake.FakeOkx;
import okxstore.store.StoreReader;

/**
 * Figure 5: backfill of 1m bars for 3 instruments at once ({@code okx-store sync}, in-process,
 * default rate settings) from the fake OKX with OKX's real limits (sliding 2 s windows) and 50 ms
 * latency a request, against the rate-limit ceiling: history-candles 20 req/2 s x 300 rows =
 * 3,000 bars/s. Three runs of 10 days each (43,200 bars a run, about 15 s at the ceiling).
 */
final class Figure5Backfill {
    static final double CEILING = 20 / 2.0 * 300;
    private static final int RUNS = 3;
    private static final int DAYS = 10;
    private static final List<String> IDS = List.of("BTC-USDT", "ETH-USDT", "SOL-USDT");

    private Figure5Backfill() {
    }

    static List<Row> run(BenchContext ctx) throws Exception {
        List<Double> rates = new ArrayList<>();
        long limited = 0;
        long expected = (long) DAYS * 1440 * IDS.size();
        List<String> notes = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Path dir = ctx.dir("f5-" + run);
            long listed = System.currentTimeMillis() - Duration.ofDays(DAYS * 3L).toMillis();
            FakeOkx.Builder b = FakeOkx.builder().clock(InstantSource.system());
            IDS.forEach(id -> b.instrument(id, listed));
            try (FakeOkx okx = b.build()) {
                okx.setLatency(Duration.ofMillis(50));
                Path config = dir.resolve("okx.properties");
                List<String> lines = new ArrayList<>(List.of("okx.rest.url=" + okx.baseUrl(),
                    "instruments=" + String.join(",", IDS)));
                IDS.forEach(id -> {
                    lines.add("instrument." + id + ".timeframes=1m");
                    lines.add("instrument." + id + ".history.days=" + DAYS);
                });
                Files.write(config, lines);
                Path data = dir.resolve("data");
                StringWriter err = new StringWriter();
                long t0 = System.nanoTime();
                int code = Main.run(new String[] {"--config", config.toString(), "--data-dir", data.toString(), "sync"},
                    new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of());
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (code != 0) {
                    throw new IllegalStateException("sync exited " + code + ": " + err);
                }
                long bars = 0;
                try (StoreReader r = new StoreReader(data)) {
                    for (String id : IDS) {
                        bars += r.count(InstrumentId.parse(id), Bar.M1);
                    }
                }
                long runLimited = okx.rateLimited(Endpoint.HISTORY_CANDLES) + okx.rateLimited(Endpoint.CANDLES)
                    + okx.rateLimited(Endpoint.TIME) + okx.rateLimited(Endpoint.INSTRUMENTS);
                limited += runLimited;
                rates.add(bars / seconds);
                String note = String.format(java.util.Locale.ROOT, "run %d: %d bars in %.1f s, %d history-candles + %d"
                    + " candles requests, %d x 429", run, bars, seconds, okx.served(Endpoint.HISTORY_CANDLES),
                    okx.served(Endpoint.CANDLES), runLimited);
                notes.add(note);
                BenchContext.log("figure 5 %s", note);
                if (bars < expected) {
                    throw new IllegalStateException("sync stored " + bars + " bars, expected at least " + expected);
                }
            }
            BenchContext.delete(dir);
        }
        double rate = Stats.median(rates);
        boolean ok = rate >= 0.95 * CEILING && limited == 0;
        return List.of(Row.of("5", "backfill 1m x 3 instruments at once, bars/s", rate, "bars/s")
            .baseline("rate-limit ceiling: history-candles 20 req/2 s x 300 rows", CEILING, rate / CEILING)
            .target(">= 95% of ceiling, 0 x 429", ok)
            .note(RUNS + " runs of " + DAYS + " days each (" + expected + " bars), 50 ms latency, default"
                + " rest.rate.margin; " + limited + " x 429 in all; " + String.join("; ", notes)));
    }
}
