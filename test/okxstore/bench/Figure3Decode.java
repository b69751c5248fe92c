package okxstore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okxstore.candle.Candle;
import okxstore.json.Json;
import okxstore.okx.CandleRows;

/**
 * Figure 3: decoding OKX candle pushes into Candles on one thread with the fast decoder
 * ({@link CandleRows#decodePush}) against the general parser plus conversion
 * ({@code CandleRows.pushOf(Json.parse(text))}), on the real push samples.
 */
final class Figure3Decode {
    private static final int RUNS = 3;
    private static final long RUN_NANOS = 700_000_000L;
    private static final long WARMUP_NANOS = 1_000_000_000L;
    static long sink;

    private Figure3Decode() {
    }

    static List<Row> run(BenchContext ctx) throws IOException {
        Path dir = ctx.repo().resolve("test/resources/okx/samples");
        String[] captured = samples(dir, true);
        String[] all = samples(dir, false);
        List<Row> rows = new ArrayList<>();
        rows.add(measure("3", "decode captured pushes (one-line, as sent), msg/s", captured));
        rows.add(measure("3b", "decode all push samples (incl. pretty docs), msg/s", all));
        return rows;
    }

    private static Row measure(String figure, String name, String[] messages) {
        check(messages);
        loop(messages, true, WARMUP_NANOS);
        loop(messages, false, WARMUP_NANOS / 2);
        List<Double> fast = new ArrayList<>();
        List<Double> general = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            fast.add(loop(messages, true, RUN_NANOS));
            general.add(loop(messages, false, RUN_NANOS));
        }
        double f = Stats.median(fast);
        double g = Stats.median(general);
        BenchContext.log("figure %s: decodePush %s msg/s, Json.parse+pushOf %s msg/s", figure, Stats.list(fast), Stats.list(general));
        Row row = Row.of(figure, name, f, "msg/s")
            .baseline("Json.parse + CandleRows.pushOf on the same messages", g, f / g)
            .note(messages.length + " messages round-robin: " + fast.size() + " runs of 0.7 s each, fast " + Stats.list(fast));
        return figure.equals("3") ? row.target(">= 2,000,000 msg/s", f >= 2_000_000) : row;
    }

    /** Messages per second decoded in about {@code nanos}, one thread. */
    private static double loop(String[] messages, boolean fast, long nanos) {
        long count = 0;
        long acc = 0;
        long t0 = System.nanoTime();
        long elapsed;
        do {
            for (int batch = 0; batch < 1024; batch++) {
                String text = messages[(int) (count++ % messages.length)];
                List<Candle> candles = fast ? CandleRows.decodePush(text).rows() : CandleRows.pushOf(Json.parse(text)).rows();
                acc += candles.get(0).ts() + (long) candles.get(candles.size() - 1).close();
            }
            elapsed = System.nanoTime() - t0;
        } while (elapsed < nanos);
        sink += acc;
        return count * 1e9 / elapsed;
    }

    /** Both decoders must agree on every message, or the comparison means nothing. */
    private static void check(String[] messages) {
        for (String m : messages) {
            if (!CandleRows.decodePush(m).equals(CandleRows.pushOf(Json.parse(m)))) {
                throw new IllegalStateException("decoders disagree on " + m);
            }
        }
    }

    private static String[] samples(Path dir, boolean capturedOnly) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("ws_") && n.contains("candle") && n.contains("_push")
                    && (!capturedOnly || n.contains("capture"));
            }).sorted().toList();
            if (files.isEmpty()) {
                throw new IOException("no candle push samples in " + dir);
            }
            List<String> out = new ArrayList<>();
            for (Path f : files) {
                out.add(Files.readString(f, StandardCharsets.UTF_8).strip());
            }
            return out.toArray(String[]::new);
        }
    }
}
