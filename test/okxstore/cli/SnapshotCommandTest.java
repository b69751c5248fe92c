package okxstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import okxstore.store.CandleWriter;
import okxstore.store.Manifest;
import okxstore.store.StoredCandle;
import okxstore.store.WriterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code snapshot} on the command line; also the helpers the import and verify command tests share. */
class SnapshotCommandTest {
    static final InstrumentId BTC = new InstrumentId("BTC-USDT");
    static final InstrumentId ETH = new InstrumentId("ETH-USDT");
    static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000L;
    @TempDir
    Path dir;

    /** What one in-process run printed and returned. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Writes candles that test exactness: BTC-USDT 1m with tiny and huge values, an unconfirmed last
     * bar and both sources; BTC-USDT 1H; ETH-USDT 1m.
     */
    static void populate(Path data) throws Exception {
        WriterSettings now = new WriterSettings(2000, Duration.ZERO, 10_000, Duration.ofMinutes(5));
        try (CandleWriter w = new CandleWriter(data, now, InstantSource.fixed(Instant.ofEpochMilli(T0)))) {
            List<StoredCandle> rows = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                double close = i % 2 == 0 ? 0.000012 + i * 1e-9 : 1500000000.5 + i / 3.0;
                Candle c = new Candle(T0 + i * MINUTE, close, close * 1.01, close * 0.99, close, i / 7.0, 1e-7,
                    123456789.123,
                    i < 119);
                String source = i % 3 == 0 ? StoredCandle.WS : StoredCandle.REST;
                rows.add(new StoredCandle(BTC, Bar.M1, c, source, T0 + i * 1013));
            }
            for (int i = 0; i < 2; i++) {
                rows.add(new StoredCandle(BTC, Bar.H1, new Candle(T0 + i * 3_600_000L, 77082.7, 77090, 77000,
                    77050.1, 1, 2, 3,
                    true), StoredCandle.REST, T0 + 3_600_000L * (i + 1)));
                rows.add(new StoredCandle(ETH, Bar.M1,
                    new Candle(T0 + i * MINUTE, 3000, 3001, 2999, 3000.5, 0, 0, 0, true),
                    StoredCandle.REST, T0 + MINUTE * (i + 1)));
            }
            w.putAll(rows);
            w.flush().get(10, TimeUnit.SECONDS);
        }
    }

    static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void snapshot_writesCopiesAndAManifest_printsNothing_andVerifyReadsIt() throws Exception {
        Path data = dir.resolve("data");
        populate(data);
        Path snap = dir.resolve("snap");
        assertEquals(new Run(0, "", ""), run("--data-dir", data.toString(), "snapshot", snap.toString()));
        assertEquals(List.of("BTC-USDT.db", "ETH-USDT.db", Manifest.FILE_NAME), names(snap));
        assertEquals(2, Manifest.read(snap).orElseThrow().files().size());
        // the newest 1m bar was never confirmed, and its period had ended long before the snapshot
        String stale = "okx-store: BTC-USDT 1m: 1 bar unconfirmed although the period had ended when the file was last"
            + " written (" + Instant.ofEpochMilli(Manifest.read(snap).orElseThrow().files().get(0).snapshotAt())
            + "; the first at 2024-01-01T01:59:00Z)\n";
        assertEquals(stale, run("--data-dir", snap.toString(), "verify").err());
        assertEquals(stale, run("verify", "--data-dir", snap.toString(), "ETH-USDT", "BTC-USDT").err());
        assertEquals(0, run("verify", "--data-dir", snap.toString(), "ETH-USDT").code());

        Path one = dir.resolve("one");
        assertEquals(0, run("--data-dir", data.toString(), "snapshot", one.toString(), "eth-usdt").code());
        assertEquals(List.of("ETH-USDT.db", Manifest.FILE_NAME), names(one));
    }

    @Test
    void snapshot_errorsAreOneLine() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(new Run(1, "", "okx-store: no data directory at " + data
                + " (run sync first, or pass --data-dir)\n"),
            run("--data-dir", data.toString(), "snapshot", dir.resolve("snap").toString()));
        populate(data);
        assertEquals(new Run(2, "", "okx-store: snapshot needs a DIR to write the snapshot to (see okx-store snapshot --help)\n"),
            run("--data-dir", data.toString(), "snapshot"));
        Run badId = run("--data-dir", data.toString(), "snapshot", dir.resolve("snap").toString(), "a;b");
        assertEquals(2, badId.code());
        assertTrue(badId.err().startsWith("okx-store: invalid instrument id"), badId.err());
        assertEquals(new Run(1, "", "okx-store: no database for SOL-USDT in " + data + "\n"),
            run("--data-dir", data.toString(), "snapshot", dir.resolve("snap").toString(), "SOL-USDT"));
        Run help = run("snapshot", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: okx-store snapshot DIR [ID...]"), help.out());
    }
}
