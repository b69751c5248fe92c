package okxstore.store;

import static okxstore.store.StoreFixtures.BTC;
import static okxstore.store.StoreFixtures.ETH;
import static okxstore.store.StoreFixtures.MINUTE;
import static okxstore.store.StoreFixtures.T0;
import static okxstore.store.StoreFixtures.fast;
import static okxstore.store.StoreFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import okxstore.candle.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyTest {
    private static final long DAY = 86_400_000L;
    @TempDir
    Path dir;
    private final StoreFixtures.ManualClock clock = new StoreFixtures.ManualClock(T0);

    private void write(StoredCandle... rows) throws Exception {
        try (CandleWriter w = new CandleWriter(dir, fast(), clock)) {
            w.putAll(List.of(rows));
            w.flush().get(10, TimeUnit.SECONDS);
        }
    }

    private void hole(Bar bar, long from, long to) throws Exception {
        try (CandleWriter w = new CandleWriter(dir, fast(), clock)) {
            w.recordHole(BTC, bar, from, to, Hole.NO_DATA, T0);
            w.flush().get(10, TimeUnit.SECONDS);
        }
    }

    private void raw(String sql) throws Exception {
        try (Connection c = StoreFixtures.raw(dir.resolve("BTC-USDT.db"))) {
            Database.exec(c, sql);
        }
    }

    private static StoredCandle minute(int i) {
        return stored(BTC, Bar.M1, T0 + i * MINUTE, 100 + i, true, T0 + (i + 1) * MINUTE);
    }

    private List<String> problems() throws Exception {
        return Verifier.verify(dir, List.of()).problems().stream().map(VerifyReport.Problem::line).toList();
    }

    @Test
    void aCleanStore_verifiesClean_andReportsRowsFirstAndLast() throws Exception {
        List<StoredCandle> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(minute(i));
        }
        rows.add(stored(BTC, Bar.H1, T0, 100, false, T0 + MINUTE)); // still open when last written: fine
        write(rows.toArray(StoredCandle[]::new));
        VerifyReport report = Verifier.verify(dir, List.of());
        assertTrue(report.clean(), report.problems().toString());
        VerifyReport.FileResult f = report.files().get(0);
        assertEquals(new VerifyReport.FileResult("BTC-USDT.db", BTC, "ok", Schema.CURRENT_VERSION, "none",
            OptionalLong.of(T0 + 60 * MINUTE), f.series()), f);
        assertEquals(new VerifyReport.SeriesResult(Bar.M1, 60, OptionalLong.of(T0), OptionalLong.of(T0 + 59 * MINUTE),
            List.of(), 0, 0, 0, 0, 0), f.series().get(0));
    }

    @Test
    void gapsNotRecordedAsHoles_areProblems_andRecordedHolesAreNot() throws Exception {
        List<StoredCandle> rows = new ArrayList<>();
        for (int i : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 18, 19, 30}) {
            rows.add(minute(i));
        }
        rows.add(stored(BTC, Bar.MO1_UTC, T0, 1, true, T0 + 1));
        rows.add(stored(BTC, Bar.MO1_UTC, Instant.parse("2024-02-01T00:00:00Z").toEpochMilli(), 1, true, T0 + 1));
        rows.add(stored(BTC, Bar.MO1_UTC, Instant.parse("2024-05-01T00:00:00Z").toEpochMilli(), 1, true, T0 + 1));
        write(rows.toArray(StoredCandle[]::new));
        hole(Bar.M1, T0 + 20 * MINUTE, T0 + 24 * MINUTE);
        long march = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
        hole(Bar.MO1_UTC, march, march);
        VerifyReport report = Verifier.verify(dir, List.of());
        assertEquals(List.of(
            "BTC-USDT 1m: 2 gaps not recorded as holes, 10 bars missing"
                + " (the first 2024-01-01T00:10:00Z .. 2024-01-01T00:14:00Z)",
            "BTC-USDT 1Mutc: 1 gap not recorded as holes, 1 bar missing"
                + " (the first 2024-04-01T00:00:00Z .. 2024-04-01T00:00:00Z)"),
            report.problems().stream().map(VerifyReport.Problem::line).toList());
        assertEquals(List.of(new Gap(T0 + 10 * MINUTE, T0 + 14 * MINUTE, 5),
                new Gap(T0 + 25 * MINUTE, T0 + 29 * MINUTE, 5)),
            report.files().get(0).series().get(0).gaps());
    }

    @Test
    void holeSubtraction_onAFixedGrid() {
        VerifyTable.GapTally out = new VerifyTable.GapTally(10);
        List<Hole> holes = List.of(new Hole(Bar.M1, 2 * MINUTE, 3 * MINUTE, Hole.NO_DATA, 0, 1),
            new Hole(Bar.M1, 5 * MINUTE + 1, 6 * MINUTE - 1, Hole.NO_DATA, 0, 1), // covers no open time
            new Hole(Bar.M1, 8 * MINUTE, 20 * MINUTE, Hole.NO_DATA, 0, 1));
        VerifyTable.subtract(MINUTE, 10 * MINUTE, MINUTE, holes, out);
        assertEquals(List.of(new Gap(MINUTE, MINUTE, 1), new Gap(4 * MINUTE, 5 * MINUTE, 2),
                new Gap(6 * MINUTE, 7 * MINUTE, 2)),
            out.listed);
        assertEquals(5, out.missing);
    }

    @Test
    void rowsBreakingSanity_orOffTheGrid_areProblems() throws Exception {
        write(minute(0), minute(1), minute(2));
        raw("INSERT INTO candles_1m VALUES (" + (T0 + 3 * MINUTE) + ", 10, 9, 11, 10, 1, 1, 1, 1, 'rest', 1)");
        raw("INSERT INTO candles_1m VALUES (" + (T0 + 4 * MINUTE) + ", 10, 12, 9, 10, -1, 1, 1, 1, 'rest', 1)");
        raw("INSERT INTO candles_1m VALUES (" + (T0 + 5 * MINUTE + 30_000) + ", 10, 12, 9, 10, 1, 1, 1, 1, 'rest', 1)");
        assertEquals(List.of(
            "BTC-USDT 1m: 1 gap not recorded as holes, 1 bar missing"
                + " (the first 2024-01-01T00:05:00Z .. 2024-01-01T00:05:00Z)",
            "BTC-USDT 1m: 2 rows break candle sanity (the first at 2024-01-01T00:03:00Z: high 9 is below low 11)",
            "BTC-USDT 1m: 1 row off the grid (the first at 2024-01-01T00:05:30Z is not a 1m open time)"), problems());
    }

    @Test
    void twoDayBars_areCheckedAgainstTheGridOfTheirOwnRows() throws Exception {
        write(minute(0));
        raw(Schema.createCandleTable(Bar.D2_UTC));
        for (long day : new long[] {0, 2, 4, 6}) { // odd days since the epoch, off Bar.openTime's guess
            raw("INSERT INTO candles_2d_utc VALUES (" + (T0 + day * DAY) + ", 1, 1, 1, 1, 1, 1, 1, 1, 'rest', 1)");
        }
        assertEquals(List.of(), problems());
        raw("INSERT INTO candles_2d_utc VALUES (" + (T0 + 3 * DAY) + ", 1, 1, 1, 1, 1, 1, 1, 1, 'rest', 1)");
        assertEquals("BTC-USDT 2Dutc: 1 row off the grid (the first at 2024-01-04T00:00:00Z is not on the 2Dutc grid"
            + " of the other 2Dutc bars)", problems().get(0));
    }

    @Test
    void aBarLeftUnconfirmedAfterItsPeriodEnded_isAProblem() throws Exception {
        write(stored(BTC, Bar.M1, T0, 1, false, T0 + 30_000),
            stored(BTC, Bar.M1, T0 + MINUTE, 1, true, T0 + 2 * MINUTE),
            stored(BTC, Bar.M1, T0 + 2 * MINUTE, 1, false, T0 + 2 * MINUTE + 10_000)); // the newest bar may be open
        assertEquals(List.of("BTC-USDT 1m: 1 bar unconfirmed although the period had ended when the file was"
            + " last written (2024-01-01T00:02:10Z; the first at 2024-01-01T00:00:00Z)"), problems());
    }

    @Test
    void aSnapshotIsJudgedByItsSnapshotTime_andItsChecksums() throws Exception {
        write(minute(0), minute(1), stored(BTC, Bar.M1, T0 + 2 * MINUTE, 1, false, T0 + 2 * MINUTE + 1));
        write(stored(ETH, Bar.H1, T0, 1, true, T0));
        Path snap = dir.resolve("snap");
        clock.advance(java.time.Duration.ofMinutes(10)); // long after the open bar's period
        new Snapshot(dir, clock).take(snap, List.of(), new Snapshot.Listener() { });
        assertEquals("BTC-USDT 1m: 1 bar unconfirmed although the period had ended when the file was last written"
            + " (2024-01-01T00:10:00Z; the first at 2024-01-01T00:02:00Z)",
            Verifier.verify(snap, List.of()).problems().get(0).line());
        ImportTest.flipByte(snap.resolve("ETH-USDT.db"));
        Files.copy(snap.resolve("BTC-USDT.db"), snap.resolve("SOL-USDT.db"));
        Files.delete(snap.resolve("BTC-USDT.db"));
        VerifyReport report = Verifier.verify(snap, List.of());
        List<String> lines = report.problems().stream().map(VerifyReport.Problem::line).toList();
        assertEquals("BTC-USDT.db: listed in MANIFEST.json but missing", lines.get(0));
        assertEquals("ETH-USDT.db: SHA-256 differs from MANIFEST.json: the file is damaged or was changed after"
            + " the snapshot", lines.get(1));
        assertTrue(lines.contains("SOL-USDT.db: not listed in MANIFEST.json: its checksum cannot be checked"),
            lines.toString());
        assertTrue(lines.contains("SOL-USDT.db: holds BTC-USDT (its meta table says so), not SOL-USDT: the file"
            + " was renamed"), lines.toString());
        assertEquals(List.of("mismatch", "unlisted"),
            report.files().stream().map(VerifyReport.FileResult::checksum).toList());
    }

    @Test
    void aFileThatIsNoDatabase_isUnreadable_andANamedMissingOneIsMissing() throws Exception {
        write(minute(0));
        Files.writeString(dir.resolve("XRP-USDT.db"), "x".repeat(4096));
        VerifyReport report = Verifier.verify(dir, List.of());
        assertEquals(List.of(VerifyReport.Kind.UNREADABLE),
            report.problems().stream().map(VerifyReport.Problem::kind).toList());
        assertTrue(report.problems().get(0).line().startsWith("XRP-USDT.db: cannot be read: "),
            report.problems().toString());
        VerifyReport named = Verifier.verify(dir, List.of(BTC, ETH));
        assertEquals(List.of("ETH-USDT.db: no database for ETH-USDT in " + dir),
            named.problems().stream().map(VerifyReport.Problem::line).toList());
        assertEquals(1, named.files().size());
    }
}
