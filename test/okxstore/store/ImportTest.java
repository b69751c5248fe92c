package okxstore.store;

import static okxstore.store.StoreFixtures.BTC;
import static okxstore.store.StoreFixtures.ETH;
import static okxstore.store.StoreFixtures.MINUTE;
import static okxstore.store.StoreFixtures.T0;
import static okxstore.store.StoreFixtures.fast;
import static okxstore.store.StoreFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing databases and snapshots: equality with the source, the upsert rule, checksums, interruptions. */
class ImportTest {
    private static final long DAY = 86_400_000L;
    @TempDir
    Path dir;
    private final StoreFixtures.ManualClock clock = new StoreFixtures.ManualClock(T0 + DAY);

    /** Every row of the candle tables, holes and sync state, exactly (doubles by their bits); meta is left out. */
    static List<String> dump(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = StoreFixtures.raw(file); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'meta'"
                + " ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + t + " ORDER BY 1, 2")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder(t);
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            Object bits = v instanceof Double d ? Long.toHexString(Double.doubleToRawLongBits(d)) : v;
                            sb.append('|').append(bits);
                        }
                        rows.add(sb.toString());
                    }
                }
            }
        }
        return rows;
    }

    private ImportReport importInto(Path target, Path source) throws Exception {
        return new Import(target, ImportOptions.defaults(), clock, ImportListener.NONE).run(source);
    }

    /** A store with odd values, unconfirmed bars, several sources, a hole and sync state. */
    private Path richStore(Path data) throws Exception {
        try (CandleWriter w = new CandleWriter(data, fast(), clock)) {
            List<StoredCandle> rows = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                StoredCandle c = stored(BTC, Bar.M1, T0 + i * MINUTE, 0.000012 + i * 1e-9, i < 299, T0 + i * 7);
                rows.add(i % 3 == 0 ? new StoredCandle(BTC, Bar.M1, c.candle(), StoredCandle.WS, c.updatedAt()) : c);
            }
            rows.add(stored(BTC, Bar.MO1_UTC, T0, 1500000000.5, true, T0 + 1));
            rows.add(stored(ETH, Bar.H1, T0, 3000.1, true, T0 + 2));
            w.putAll(rows);
            w.recordHole(BTC, Bar.M1, T0 - 10 * MINUTE, T0 - MINUTE, Hole.BEFORE_LISTING, T0 + 5);
            w.setHistoryFloor(BTC, Bar.M1, T0, true);
            w.setListingFloor(BTC, Bar.M1, T0);
            w.flush().get(10, TimeUnit.SECONDS);
        }
        return data;
    }

    @Test
    void importOfASnapshot_intoAnEmptyDirectory_equalsTheSourceRowForRow() throws Exception {
        Path data = richStore(dir.resolve("data"));
        Path snap = dir.resolve("snap");
        new Snapshot(data, clock).take(snap, List.of(), new Snapshot.Listener() { });
        Path other = dir.resolve("other");
        ImportReport report = importInto(other, snap);
        assertTrue(report.ok(), report.failures().toString());
        assertEquals(List.of(new ImportReport.Series(BTC, Bar.M1, 300, 0, 0),
            new ImportReport.Series(BTC, Bar.MO1_UTC, 1, 0, 0),
            new ImportReport.Series(ETH, Bar.H1, 1, 0, 0)), report.series());
        for (InstrumentId id : List.of(BTC, ETH)) {
            assertEquals(dump(data.resolve(id.fileName())), dump(other.resolve(id.fileName())), id.toString());
        }
        assertEquals(List.of("BTC-USDT.db", "ETH-USDT.db"), SnapshotTest.names(other));
        VerifyReport verify = Verifier.verify(other, List.of());
        assertTrue(verify.clean(), verify.problems().toString());

        List<String> before = dump(other.resolve("BTC-USDT.db"));
        ImportReport again = importInto(other, snap);
        assertEquals(new ImportReport.Series(BTC, Bar.M1, 0, 0, 300), again.series().get(0),
            "a re-import changes nothing");
        assertEquals(before, dump(other.resolve("BTC-USDT.db")));
    }

    @Test
    void import_followsTheUpsertRule_confirmedWins_newerReplaces_equalChangesNothing() throws Exception {
        Path source = dir.resolve("source");
        Path target = dir.resolve("target");
        try (CandleWriter s = new CandleWriter(source, fast(), clock);
             CandleWriter t = new CandleWriter(target, fast(), clock)) {
            s.putAll(List.of(stored(BTC, Bar.M1, T0, 1, false, 900), // newer but unconfirmed: never beats confirmed
                stored(BTC, Bar.M1, T0 + MINUTE, 2, true, 100),        // confirmed beats unconfirmed, even if older
                stored(BTC, Bar.M1, T0 + 2 * MINUTE, 3, true, 500),    // newer confirmed replaces
                stored(BTC, Bar.M1, T0 + 3 * MINUTE, 4, true, 300),    // equal updated_at: nothing
                stored(BTC, Bar.M1, T0 + 4 * MINUTE, 5, true, 300)));  // new
            t.putAll(List.of(stored(BTC, Bar.M1, T0, 10, true, 100), stored(BTC, Bar.M1, T0 + MINUTE, 20, false, 200),
                stored(BTC, Bar.M1, T0 + 2 * MINUTE, 30, true, 400),
                stored(BTC, Bar.M1, T0 + 3 * MINUTE, 40, true, 300)));
            s.flush().get(10, TimeUnit.SECONDS);
            t.flush().get(10, TimeUnit.SECONDS);
        }
        ImportOptions dryRun = ImportOptions.defaults().withDryRun(true);
        ImportReport dry = new Import(target, dryRun, clock, ImportListener.NONE).run(source);
        assertEquals(List.of(new ImportReport.Series(BTC, Bar.M1, 1, 2, 2)), dry.series());
        List<String> untouched = dump(target.resolve("BTC-USDT.db"));
        assertEquals(List.of(new ImportReport.Series(BTC, Bar.M1, 1, 2, 2)), importInto(target, source).series());
        assertNotEquals(untouched, dump(target.resolve("BTC-USDT.db")));
        try (StoreReader r = new StoreReader(target)) {
            List<Double> closes = new ArrayList<>();
            r.recent(BTC, Bar.M1, 10).forEach(c -> closes.add(c.candle().close()));
            assertEquals(List.of(10.0, 2.0, 3.0, 40.0, 5.0), closes);
        }
    }

    @Test
    void dryRun_writesNothing_evenForANewFile() throws Exception {
        Path data = richStore(dir.resolve("data"));
        Path other = Files.createDirectories(dir.resolve("other"));
        ImportOptions dryRun = ImportOptions.defaults().withDryRun(true);
        ImportReport report = new Import(other, dryRun, clock, ImportListener.NONE).run(data);
        assertEquals(new ImportReport.Series(BTC, Bar.M1, 300, 0, 0), report.series().get(0));
        assertEquals(List.of(), SnapshotTest.names(other));
    }

    @Test
    void aCorruptedSnapshotFile_isRefusedByItsChecksum_andNothingOfItIsImported() throws Exception {
        Path data = richStore(dir.resolve("data"));
        Path snap = dir.resolve("snap");
        new Snapshot(data, clock).take(snap, List.of(), new Snapshot.Listener() { });
        flipByte(snap.resolve("BTC-USDT.db"));
        Path other = dir.resolve("other");
        ImportReport report = importInto(other, snap);
        assertEquals(List.of(snap.resolve("BTC-USDT.db") + ": SHA-256 does not match MANIFEST.json (the file is damaged"
            + " or was changed): nothing imported from it"), report.failures());
        assertEquals(List.of(new ImportReport.Series(ETH, Bar.H1, 1, 0, 0)), report.series(),
            "the intact file is imported");
        assertFalse(Files.exists(other.resolve("BTC-USDT.db")));
        VerifyReport verify = Verifier.verify(snap, List.of());
        assertTrue(verify.problems().stream().anyMatch(p -> p.kind() == VerifyReport.Kind.CHECKSUM
            && "BTC-USDT.db".equals(p.file())), verify.problems().toString());
    }

    /** Flips one byte in the middle of the file (a bit error on the way to the other box). */
    static void flipByte(Path file) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 2 + 17;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x5a);
        }
    }

    @Test
    void aKilledImport_runAgain_endsEqualToAnUninterruptedOne() throws Exception {
        Path data = richStore(dir.resolve("data"));
        Path whole = dir.resolve("whole");
        importInto(whole, data);
        for (boolean existing : new boolean[] {false, true}) {
            Path target = dir.resolve("killed-" + existing);
            if (existing) { // the target already has part of the data: the kill leaves committed chunks behind
                try (CandleWriter w = new CandleWriter(target, fast(), clock)) {
                    w.put(stored(BTC, Bar.M1, T0, 99, true, T0 - 1)); // older than the source's row
                    w.flush().get(10, TimeUnit.SECONDS);
                }
            }
            ImportListener killer = new ImportListener() {
                @Override
                public void committed(InstrumentId id, Bar bar, long rows) {
                    if (rows >= 100) {
                        throw new IllegalStateException("killed");
                    }
                }
            };
            ImportOptions small = ImportOptions.defaults().withChunkRows(50);
            assertThrows(IllegalStateException.class, () -> new Import(target, small, clock, killer).run(data));
            try (StoreReader r = new StoreReader(target)) {
                assertEquals(existing ? 100 : 0, r.count(BTC, Bar.M1),
                    "committed chunks stay, a new file stays hidden");
            }
            assertEquals(existing ? List.of("BTC-USDT.db") : List.of(), SnapshotTest.names(target).stream()
                .filter(n -> n.endsWith(".db")).toList());
            assertTrue(new Import(target, small, clock, ImportListener.NONE).run(data).ok());
            for (InstrumentId id : List.of(BTC, ETH)) {
                assertEquals(dump(whole.resolve(id.fileName())), dump(target.resolve(id.fileName())),
                    existing + " " + id);
            }
        }
    }

    @Test
    void aTempFileLeftByAKilledImport_isNeverTakenForADatabase_andIsRebuilt() throws Exception {
        Path data = richStore(dir.resolve("data"));
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.writeString(target.resolve("BTC-USDT.db" + SnapshotFiles.IMPORT_TEMP), "half a database");
        try (StoreReader r = new StoreReader(target)) {
            assertEquals(List.of(), r.instruments());
        }
        assertEquals(VerifyReport.Kind.LEFTOVER_TEMP, Verifier.verify(target, List.of()).problems().get(0).kind());
        assertTrue(importInto(target, data).ok());
        assertEquals(List.of("BTC-USDT.db", "ETH-USDT.db"), SnapshotTest.names(target));
        assertEquals(dump(data.resolve("BTC-USDT.db")), dump(target.resolve("BTC-USDT.db")));
    }

    @Test
    void aFileTheDaemonCreatesWhileTheImportBuildsIt_isMergedInto_neverReplaced() throws Exception {
        Path data = richStore(dir.resolve("data"));
        Path target = dir.resolve("target");
        ImportListener daemon = new ImportListener() {
            private boolean done;

            @Override
            public void committed(InstrumentId id, Bar bar, long rows) {
                if (!done) { // the new file is being built under its temporary name: the daemon creates the real one
                    done = true;
                    try (CandleWriter w = new CandleWriter(target, fast(), clock)) {
                        w.put(stored(BTC, Bar.M1, T0 + 1000 * MINUTE, 1, true, 1));
                        w.flush().get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }
        };
        assertTrue(new Import(target, ImportOptions.defaults().withChunkRows(50), clock, daemon).run(data).ok());
        try (StoreReader r = new StoreReader(target)) {
            assertEquals(301, r.count(BTC, Bar.M1));
            assertEquals(1, r.holes(BTC, Bar.M1).size());
        }
        assertEquals(List.of("BTC-USDT.db", "ETH-USDT.db"), SnapshotTest.names(target).stream()
            .filter(n -> !n.endsWith("-wal") && !n.endsWith("-shm")).toList());
    }

    @Test
    void importBesideAWritingCandleWriter_losesNeitherSidesRows() throws Exception {
        Path data = dir.resolve("data");
        Path source = dir.resolve("source");
        try (CandleWriter s = new CandleWriter(source, fast(), clock)) {
            for (int i = 0; i < 2000; i++) {
                s.put(stored(BTC, Bar.M1, T0 + 2 * i * MINUTE, 1, true, 5)); // even minutes
            }
            s.flush().get(10, TimeUnit.SECONDS);
        }
        try (CandleWriter live = new CandleWriter(data, fast(), clock)) {
            live.put(stored(BTC, Bar.M1, T0 + MINUTE, 2, true, 5));
            live.flush().get(10, TimeUnit.SECONDS);
            Thread daemon = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 1; i < 2000; i++) {
                        live.put(stored(BTC, Bar.M1, T0 + (2 * i + 1) * MINUTE, 2, true, 5)); // odd minutes
                        if (i % 50 == 0) {
                            live.flush().get(10, TimeUnit.SECONDS);
                        }
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            ImportOptions small = ImportOptions.defaults().withChunkRows(100);
            ImportReport report = new Import(data, small, clock, ImportListener.NONE)
                .run(source);
            daemon.join();
            live.flush().get(10, TimeUnit.SECONDS);
            assertTrue(report.ok(), report.failures().toString());
            assertEquals(0, live.stats().rowsRejected());
        }
        try (StoreReader r = new StoreReader(data)) {
            assertEquals(4000, r.count(BTC, Bar.M1));
            assertEquals(List.of(), r.gaps(BTC, Bar.M1));
        }
    }

    @Test
    void holes_areAddedWhenAbsent_andSyncStateMergesToTheOlderFloor() throws Exception {
        Path source = richStore(dir.resolve("source"));
        Path target = dir.resolve("target");
        try (CandleWriter t = new CandleWriter(target, fast(), clock)) {
            t.recordHole(BTC, Bar.M1, T0 - 10 * MINUTE, T0 - 5 * MINUTE, Hole.NO_DATA, T0 + 99); // same start: kept
            t.recordHole(BTC, Bar.M1, T0 - 30 * MINUTE, T0 - 20 * MINUTE, Hole.NO_DATA, T0 + 99);
            t.setHistoryFloor(BTC, Bar.M1, T0 + 100 * MINUTE, false);
            t.setListingFloor(BTC, Bar.M1, T0 - DAY);
            t.flush().get(10, TimeUnit.SECONDS);
        }
        assertTrue(importInto(target, source).ok());
        try (StoreReader r = new StoreReader(target)) {
            List<Hole> holes = r.holes(BTC, Bar.M1);
            assertEquals(2, holes.size());
            assertEquals(T0 - 5 * MINUTE, holes.get(1).to());
            assertEquals(new SyncState(Bar.M1, OptionalLong.of(T0), true, OptionalLong.of(T0 - DAY)),
                r.syncState(BTC, Bar.M1));
        }
    }

    @Test
    void syncStateMerge_keepsTheOlderFloorWithItsCompleteness() {
        SyncState none = SyncState.empty(Bar.M1);
        SyncState old = new SyncState(Bar.M1, OptionalLong.of(100), false, OptionalLong.empty());
        SyncState older = new SyncState(Bar.M1, OptionalLong.of(50), true, OptionalLong.of(7));
        assertEquals(older, ImportStatements.merge(none, older));
        assertEquals(older, ImportStatements.merge(old, older));
        assertEquals(new SyncState(Bar.M1, OptionalLong.of(50), true, OptionalLong.of(7)),
            ImportStatements.merge(older, old));
        assertEquals(new SyncState(Bar.M1, OptionalLong.of(100), true, OptionalLong.empty()),
            ImportStatements.merge(old, new SyncState(Bar.M1, OptionalLong.of(100), true, OptionalLong.empty())));
    }

    @Test
    void aTargetOfANewerSchema_isRefused_andTheSourceDataDirectoryItselfToo() throws Exception {
        Path source = richStore(dir.resolve("source"));
        Path target = Files.createDirectories(dir.resolve("target"));
        try (Connection c = StoreFixtures.raw(target.resolve("BTC-USDT.db"))) {
            Database.exec(c, "PRAGMA user_version = " + (Schema.CURRENT_VERSION + 1));
        }
        ImportReport report = importInto(target, source);
        assertEquals(1, report.failures().size());
        assertTrue(report.failures().get(0).contains("is newer than this okx-store knows"),
            report.failures().toString());
        assertEquals(Optional.of(new ImportReport.Series(ETH, Bar.H1, 1, 0, 0)), report.series().stream().findFirst());
        StoreException self = assertThrows(StoreException.class, () -> importInto(source, source));
        assertTrue(self.getMessage().contains("is in the data directory itself"), self.getMessage());
    }
}
