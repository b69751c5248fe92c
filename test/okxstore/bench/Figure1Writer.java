package okxstore.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import okxstore.store.CandleWriter;
import okxstore.store.StoredCandle;
import okxstore.store.WriterSettings;
import org.sqlite.SQLiteConfig;

/**
 * Figure 1: candle upserts per second through the batching {@link CandleWriter} into one file,
 * against (a) a bare JDBC loop doing the same upserts in transactions of the writer's batch size
 * with the same pragmas (the ceiling) and (b) a naive writer, one auto-committed upsert per candle.
 */
final class Figure1Writer {
    static final int ROWS = 1_000_000;
    static final int NAIVE_ROWS = 100_000;
    /** Rows each path writes once, untimed, before the runs: the JIT compiles all three alike. */
    private static final int WARMUP_ROWS = 100_000;
    private static final int RUNS = 3;
    private static final long T0 = 1_577_836_800_000L; // 2020-01-01T00:00Z, a 1m open time
    private static final InstrumentId ID = InstrumentId.parse(BenchContext.INST);
    /** The DDL of okxstore.store.Schema.createCandleTable(Bar.M1), which is package-private. */
    static final String CREATE = "CREATE TABLE IF NOT EXISTS candles_1m(ts INTEGER PRIMARY KEY,"
        + " open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL,"
        + " vol REAL NOT NULL, vol_ccy REAL NOT NULL, vol_ccy_quote REAL NOT NULL,"
        + " confirmed INTEGER NOT NULL, source TEXT NOT NULL, updated_at INTEGER NOT NULL)";
    /** The SQL of okxstore.store.Schema.upsertCandle(Bar.M1), which is package-private. */
    static final String UPSERT = "INSERT INTO candles_1m AS t(ts, open, high, low, close, vol, vol_ccy,"
        + " vol_ccy_quote, confirmed, source, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
        + " ON CONFLICT(ts) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low,"
        + " close = excluded.close, vol = excluded.vol, vol_ccy = excluded.vol_ccy,"
        + " vol_ccy_quote = excluded.vol_ccy_quote, confirmed = excluded.confirmed,"
        + " source = excluded.source, updated_at = excluded.updated_at"
        + " WHERE excluded.confirmed > t.confirmed"
        + " OR (excluded.confirmed = t.confirmed AND excluded.updated_at > t.updated_at)";

    private Figure1Writer() {
    }

    static List<Row> run(BenchContext ctx) throws Exception {
        List<StoredCandle> rows = candles(ROWS);
        List<Double> writer = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        Path kept = null;
        warmUp(ctx, rows.subList(0, WARMUP_ROWS));
        for (int run = 1; run <= RUNS; run++) {
            Path w = ctx.dir("f1-writer-" + run);
            writer.add(ROWS / writeWithWriter(w, rows));
            if (run < RUNS) {
                BenchContext.delete(w);
            } else {
                kept = w;
            }
            Path b = ctx.dir("f1-bare-" + run);
            bare.add(ROWS / bareJdbc(b.resolve(ID.fileName()), rows, WriterSettings.DEFAULT_BATCH_SIZE));
            BenchContext.delete(b);
            Path n = ctx.dir("f1-naive-" + run);
            naive.add(NAIVE_ROWS / naive(n.resolve(ID.fileName()), rows.subList(0, NAIVE_ROWS)));
            BenchContext.delete(n);
            BenchContext.log("figure 1 run %d: writer %.0f/s, bare JDBC %.0f/s, naive %.0f/s",
                run, writer.getLast(), bare.getLast(), naive.getLast());
        }
        ctx.offerMillionRows(kept);
        double w = Stats.median(writer);
        double a = Stats.median(bare);
        double n = Stats.median(naive);
        String runs = " (medians of " + RUNS + " alternating runs after an untimed warm-up of each; writer runs " + Stats.list(writer) + ")";
        return List.of(
            Row.of("1", "writer upserts/s, 1M rows, one file", w, "rows/s")
                .baseline("(a) bare JDBC, same pragmas, SQL, batches of "
                    + WriterSettings.DEFAULT_BATCH_SIZE, a, w / a)
                .target(">= 85% of (a)", w >= 0.85 * a).note("bare runs " + Stats.list(bare) + runs),
            Row.of("1b", "writer vs naive writer", w, "rows/s")
                .baseline("(b) naive: one auto-committed upsert per candle, WAL, synchronous=NORMAL, 100k rows",
                    n, w / n).note("naive runs " + Stats.list(naive)));
    }

    private static void warmUp(BenchContext ctx, List<StoredCandle> rows) throws Exception {
        Path d = ctx.dir("f1-warmup");
        writeWithWriter(d.resolve("writer"), rows);
        bareJdbc(d.resolve("bare.db"), rows, WriterSettings.DEFAULT_BATCH_SIZE);
        naive(d.resolve("naive.db"), rows.subList(0, rows.size() / 10));
        BenchContext.delete(d);
    }

    /** {@code n} sane, distinct 1m candles of BTC-USDT from 2020-01-01, as REST delivers them. */
    static List<StoredCandle> candles(int n) {
        List<StoredCandle> out = new ArrayList<>(n);
        long updatedAt = System.currentTimeMillis();
        for (int i = 0; i < n; i++) {
            double open = 30_000 + (i % 5000) * 0.5;
            double close = open + (i % 7) - 3;
            Candle c = new Candle(T0 + i * 60_000L, open, Math.max(open, close) + 1.5, Math.min(open, close) - 1.5, close,
                12.5 + i % 13, (12.5 + i % 13) * open, (12.5 + i % 13) * open, true);
            out.add(new StoredCandle(ID, Bar.M1, c, StoredCandle.REST, updatedAt));
        }
        return out;
    }

    /** Writes the rows through a CandleWriter with default settings, in REST-page sized putAll calls; returns seconds. */
    static double writeWithWriter(Path dataDir, List<StoredCandle> rows) throws Exception {
        try (CandleWriter writer = new CandleWriter(dataDir, WriterSettings.defaults(), InstantSource.system())) {
            long t0 = System.nanoTime();
            for (int i = 0; i < rows.size(); i += 300) {
                writer.putAll(rows.subList(i, Math.min(rows.size(), i + 300)));
            }
            writer.flush().get();
            double s = (System.nanoTime() - t0) / 1e9;
            long written = writer.stats().rowsWritten();
            if (written != rows.size()) {
                throw new IllegalStateException("writer wrote " + written + " of " + rows.size() + " rows");
            }
            return s;
        }
    }

    /** The ceiling: the same upserts, batches of {@code batch} rows in one transaction each, nothing else; seconds. */
    static double bareJdbc(Path file, List<StoredCandle> rows, int batch) throws SQLException {
        try (Connection c = open(file, true); Statement tx = c.createStatement();
             PreparedStatement ps = c.prepareStatement(UPSERT)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < rows.size(); i += batch) {
                tx.execute("BEGIN IMMEDIATE"); // as the writer opens its transactions
                for (int j = i; j < Math.min(rows.size(), i + batch); j++) {
                    bind(ps, rows.get(j));
                    ps.executeUpdate();
                }
                tx.execute("COMMIT");
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /** One auto-committed upsert per candle, WAL and synchronous=NORMAL; seconds. */
    static double naive(Path file, List<StoredCandle> rows) throws SQLException {
        try (Connection c = open(file, false); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            long t0 = System.nanoTime();
            for (StoredCandle s : rows) {
                bind(ps, s);
                ps.executeUpdate();
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /**
     * A connection with the writer's pragmas (okxstore.store.Database.tuneWriter), or only WAL + NORMAL.
     * Opened as okxstore.store.Database.openWriter opens it (a busy timeout, sqlite-jdbc's other defaults,
     * generated keys included): keep the two alike, or the ceiling stops being the writer's own.
     */
    private static Connection open(Path file, boolean writerPragmas) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            if (writerPragmas) {
                s.execute("PRAGMA cache_size=-512");
                s.execute("PRAGMA wal_autocheckpoint=0");
            }
            s.execute(CREATE);
        }
        return c;
    }

    private static void bind(PreparedStatement ps, StoredCandle sc) throws SQLException {
        Candle c = sc.candle();
        ps.setLong(1, c.ts());
        ps.setDouble(2, c.open());
        ps.setDouble(3, c.high());
        ps.setDouble(4, c.low());
        ps.setDouble(5, c.close());
        ps.setDouble(6, c.vol());
        ps.setDouble(7, c.volCcy());
        ps.setDouble(8, c.volCcyQuote());
        ps.setInt(9, c.confirmed() ? 1 : 0);
        ps.setString(10, sc.source());
        ps.setLong(11, sc.updatedAt());
    }
}
