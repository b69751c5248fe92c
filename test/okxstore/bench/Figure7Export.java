package okxstore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Figure 7: {@code export BTC-USDT 1m - --format csv} of the whole 1M-row file, whole process, stdout
 * to /dev/null, against the {@code sqlite3} shell printing the same columns as csv (ISO times
 * included); then its peak RSS with {@code -Xmx64m}.
 */
final class Figure7Export {
    private static final int RUNS = 3;
    static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");
    /** The export's columns, in its order and format: ts as ISO-8601 UTC. */
    private static final String SQL = "SELECT 'BTC-USDT' AS inst_id, '1m' AS bar,"
        + " strftime('%Y-%m-%dT%H:%M:%SZ', ts / 1000, 'unixepoch') AS ts, open, high, low, close, vol, vol_ccy,"
        + " vol_ccy_quote, confirmed, source, updated_at FROM candles_1m ORDER BY ts";

    private Figure7Export() {
    }

    static List<Row> run(BenchContext ctx) throws Exception {
        Path data = ctx.millionRows();
        Path dir = ctx.dir("f7");
        Path db = data.resolve(BenchContext.INST + ".db");
        List<String> export = exportCommand(ctx, data, null);
        List<String> small = exportCommand(ctx, data, "-Xmx64m");
        List<String> sqlite = List.of(SQLITE3.toString(), "-csv", "-header", db.toString(), SQL);
        boolean haveSqlite = Files.isExecutable(SQLITE3);
        checkSameRows(dir, export, haveSqlite ? sqlite : null);
        List<Double> e = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        List<Double> e64 = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            e.add(ChildRun.run(export, dir, false, null).requireOk("export").millis());
            if (haveSqlite) {
                s.add(ChildRun.run(sqlite, dir, false, null).requireOk("sqlite3").millis());
            }
            ChildRun.Result r = ChildRun.run(small, dir, true, null).requireOk("export -Xmx64m");
            e64.add(r.millis());
            rss.add(r.peakMib());
        }
        BenchContext.log("figure 7: export %s ms, sqlite3 %s ms, export -Xmx64m %s ms, peak RSS %s MiB",
            Stats.list(e), Stats.list(s), Stats.list(e64), Stats.list(rss));
        double em = Stats.median(e);
        double peak = Stats.median(rss);
        List<Row> rows = new ArrayList<>();
        Row time = Row.of("7", "export 1M rows as csv to stdout, wall time", em, "ms")
            .note("medians of " + RUNS + " alternating runs: export " + Stats.list(e) + ", sqlite3 " + Stats.list(s)
                + "; stdout to /dev/null, no JVM flags");
        if (haveSqlite) {
            double sm = Stats.median(s);
            time = time.baseline("sqlite3 -csv -header, same columns (ts as ISO text)", sm, em / sm)
                .target("faster than sqlite3 (ratio < 1)", em < sm);
        } else {
            time = time.target("faster than sqlite3 (baseline unavailable: no " + SQLITE3 + ")", false);
        }
        rows.add(time);
        rows.add(Row.of("7b", "export with -Xmx64m: peak RSS", peak, "MiB")
            .target("< 200 MiB", peak < 200)
            .note("peak RSS by " + ChildRun.rssMethod() + "; runs " + Stats.list(rss) + " MiB; wall time with -Xmx64m "
                + Stats.list(e64) + " ms"));
        return rows;
    }

    private static List<String> exportCommand(BenchContext ctx, Path data, String jvmFlag) {
        List<String> cmd = new ArrayList<>(List.of(ctx.java()));
        if (jvmFlag != null) {
            cmd.add(jvmFlag);
        }
        cmd.addAll(List.of("-jar", ctx.jar().toString(), "--data-dir", data.toString(), "export", BenchContext.INST,
            "1m", "-", "--format", "csv"));
        return cmd;
    }

    /** Both print a header and one line per stored row, or the comparison means nothing. */
    private static void checkSameRows(Path dir, List<String> export, List<String> sqlite) throws Exception {
        Path a = dir.resolve("export.csv");
        ChildRun.run(export, dir, false, a).requireOk("export");
        long rows = lines(a);
        if (rows != Figure1Writer.ROWS + 1) {
            throw new IllegalStateException("export printed " + rows + " lines, expected " + (Figure1Writer.ROWS + 1));
        }
        if (sqlite != null) {
            Path b = dir.resolve("sqlite.csv");
            ChildRun.run(sqlite, dir, false, b).requireOk("sqlite3");
            if (lines(b) != rows) {
                throw new IllegalStateException("sqlite3 printed " + lines(b) + " lines, export " + rows);
            }
            Files.delete(b);
        }
        Files.delete(a);
    }

    private static long lines(Path f) throws IOException {
        try (Stream<String> s = Files.lines(f)) {
            return s.count();
        }
    }
}
