package okxstore.store;

import static okxstore.store.StoreFixtures.BTC;
import static okxstore.store.StoreFixtures.ETH;
import static okxstore.store.StoreFixtures.MINUTE;
import static okxstore.store.StoreFixtures.T0;
import static okxstore.store.StoreFixtures.fast;
import static okxstore.store.StoreFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {
    private static final long DAY = 86_400_000L;
    @TempDir
    Path dir;
    private final StoreFixtures.ManualClock clock = new StoreFixtures.ManualClock(T0 + DAY);

    /** Writes {@code n} confirmed 1m bars from T0, and 3 confirmed 1H bars. */
    static void populate(Path data, InstrumentId id, int n) throws Exception {
        try (CandleWriter w = new CandleWriter(data, fast(), new StoreFixtures.ManualClock(T0))) {
            List<StoredCandle> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(stored(id, Bar.M1, T0 + i * MINUTE, 100 + i * 0.25, true, T0 + i * MINUTE + 60_001));
            }
            for (int i = 0; i < 3; i++) {
                rows.add(stored(id, Bar.H1, T0 + i * 3_600_000L, 7.5 + i, true, T0 + (i + 1) * 3_600_000L));
            }
            w.putAll(rows);
            w.flush().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void snapshot_takenWhileAWriterCommits_isConsistent_andVerifies() throws Exception {
        Path data = dir.resolve("data");
        Path snap = dir.resolve("snap");
        WriterSettings small = new WriterSettings(16, Duration.ZERO, 10_000, Duration.ofMinutes(5));
        AtomicBoolean snapshotDone = new AtomicBoolean();
        AtomicLong before = new AtomicLong();
        Manifest manifest;
        try (CandleWriter w = new CandleWriter(data, small, clock)) {
            Thread producer = Thread.ofPlatform().start(() -> {
                try {
                    // 1m bar k, then 3m bar k: a consistent state has as many 3m bars as 1m bars, or one fewer
                    for (int k = 0, extra = 0; extra < 50; k++) {
                        w.put(stored(BTC, Bar.M1, T0 + k * MINUTE, 100 + k, true, T0 + k));
                        w.put(stored(BTC, Bar.M3, T0 + k * 3 * MINUTE, 100 + k, true, T0 + k));
                        extra += snapshotDone.get() ? 1 : 0;
                        if (k % 8 == 0) {
                            w.flush().get(10, TimeUnit.SECONDS);
                        }
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            StoreFixtures.await("first commits", () -> w.stats().rowsWritten() > 100);
            manifest = new Snapshot(data, clock).take(snap, List.of(), new Snapshot.Listener() {
                @Override
                public void starting(InstrumentId id, int index, int total) {
                    before.set(w.stats().rowsWritten());
                }

                @Override
                public void copied(InstrumentId id, Path temp) {
                    try { // the writer keeps committing between the copy and its rename
                        StoreFixtures.await("commits during the snapshot",
                            () -> w.stats().rowsWritten() > before.get() + 20);
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }
            });
            snapshotDone.set(true);
            producer.join();
            w.flush().get(10, TimeUnit.SECONDS);
        }
        ManifestEntry entry = manifest.entry("BTC-USDT.db").orElseThrow();
        long m1 = entry.bars().get(0).rows();
        long m3 = entry.bars().get(1).rows();
        assertEquals(List.of(Bar.M1, Bar.M3), entry.bars().stream().map(ManifestEntry.Series::bar).toList());
        assertTrue(m1 - m3 == 0 || m1 - m3 == 1, m1 + " 1m rows beside " + m3 + " 3m rows: a torn copy");
        assertEquals(OptionalLong.of(T0 + (m1 - 1) * MINUTE), entry.bars().get(0).last(), "the 1m rows are a prefix");
        assertEquals(OptionalLong.of(T0), entry.bars().get(0).first());
        try (StoreReader live = new StoreReader(data); StoreReader copy = new StoreReader(snap)) {
            assertTrue(live.count(BTC, Bar.M1) > m1, "the writer went on after the snapshot");
            assertEquals(m1, copy.count(BTC, Bar.M1));
            assertEquals(List.of(), copy.gaps(BTC, Bar.M1));
        }
        assertEquals(T0 + DAY, entry.snapshotAt());
        assertEquals(Schema.CURRENT_VERSION, entry.schemaVersion());
        assertEquals(Manifest.sha256(snap.resolve("BTC-USDT.db")), entry.sha256());
        assertEquals(Files.size(snap.resolve("BTC-USDT.db")), entry.bytes());
        byte[] header = Files.readAllBytes(snap.resolve("BTC-USDT.db"));
        assertArrayEquals(new byte[] {1, 1}, new byte[] {header[18], header[19]}, "the copy is not in WAL mode");
        assertEquals(List.of("BTC-USDT.db", Manifest.FILE_NAME), names(snap));
        VerifyReport report = Verifier.verify(snap, List.of());
        assertTrue(report.clean(), report.problems().toString());
        assertEquals("ok", report.files().get(0).checksum());
    }

    @Test
    void manifest_listsEveryFile_andReadsBackAsWritten() throws Exception {
        Path data = dir.resolve("data");
        populate(data, BTC, 10);
        populate(data, ETH, 5);
        Manifest written = new Snapshot(data, clock).take(dir.resolve("snap"), List.of(), new Snapshot.Listener() { });
        assertEquals(written, Manifest.read(dir.resolve("snap")).orElseThrow());
        ManifestEntry eth = written.entry("ETH-USDT.db").orElseThrow();
        assertEquals(ETH, eth.instrument());
        assertEquals(new ManifestEntry.Series(Bar.M1, 5, OptionalLong.of(T0), OptionalLong.of(T0 + 4 * MINUTE)),
            eth.bars().get(0));
        assertEquals(new ManifestEntry.Series(Bar.H1, 3, OptionalLong.of(T0), OptionalLong.of(T0 + 2 * 3_600_000L)),
            eth.bars().get(1));
        String text = Files.readString(dir.resolve("snap").resolve(Manifest.FILE_NAME));
        assertTrue(text.contains("\"snapshot_at\":\"2024-01-02T00:00:00Z\""), text);
        assertEquals(4, text.lines().count(), "one line per file: " + text);
    }

    @Test
    void killedBetweenCopyAndRename_leavesNoFileThatLooksComplete() throws Exception {
        Path data = dir.resolve("data");
        Path snap = dir.resolve("snap");
        populate(data, BTC, 20);
        Snapshot.Listener kill = new Snapshot.Listener() {
            @Override
            public void copied(InstrumentId id, Path temp) throws IOException {
                throw new IOException("killed");
            }
        };
        assertThrows(IOException.class, () -> new Snapshot(data, clock).take(snap, List.of(), kill));
        assertEquals(List.of("BTC-USDT.db" + SnapshotFiles.SNAPSHOT_TEMP), names(snap));
        try (StoreReader reader = new StoreReader(snap)) {
            assertEquals(List.of(), reader.instruments());
        }
        VerifyReport report = Verifier.verify(snap, List.of());
        assertEquals(List.of(VerifyReport.Kind.LEFTOVER_TEMP, VerifyReport.Kind.NO_DATABASES),
            report.problems().stream().map(VerifyReport.Problem::kind).toList());
        ImportReport imported = new Import(dir.resolve("other"), ImportOptions.defaults(), clock, ImportListener.NONE)
            .run(snap);
        assertEquals(List.of(), imported.series());
        assertFalse(Files.exists(dir.resolve("other").resolve("BTC-USDT.db")));

        new Snapshot(data, clock).take(snap, List.of(), new Snapshot.Listener() { }); // run again: completes and tidies
        assertEquals(List.of("BTC-USDT.db", Manifest.FILE_NAME), names(snap));
        assertTrue(Verifier.verify(snap, List.of()).clean());
    }

    @Test
    void snapshotAgain_replacesTheNamedFile_andKeepsTheOthers() throws Exception {
        Path data = dir.resolve("data");
        Path snap = dir.resolve("snap");
        populate(data, BTC, 10);
        populate(data, ETH, 5);
        Manifest first = new Snapshot(data, clock).take(snap, List.of(), new Snapshot.Listener() { });
        populate(data, BTC, 12);
        clock.advance(Duration.ofHours(1));
        Manifest second = new Snapshot(data, clock).take(snap, List.of(BTC), new Snapshot.Listener() { });
        assertEquals(first.entry("ETH-USDT.db"), second.entry("ETH-USDT.db"));
        assertEquals(12, second.entry("BTC-USDT.db").orElseThrow().bars().get(0).rows());
        assertTrue(Verifier.verify(snap, List.of()).clean());
    }

    @Test
    void snapshot_refusesTheDataDirectory_aForeignDirectory_andAMissingInstrument() throws Exception {
        Path data = dir.resolve("data");
        populate(data, BTC, 3);
        Snapshot snapshot = new Snapshot(data, clock);
        Snapshot.Listener quiet = new Snapshot.Listener() { };
        StoreException self = assertThrows(StoreException.class, () -> snapshot.take(data, List.of(), quiet));
        assertTrue(self.getMessage().contains("is the data directory itself"), self.getMessage());
        Path foreign = Files.createDirectories(dir.resolve("home"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        StoreException notEmpty = assertThrows(StoreException.class, () -> snapshot.take(foreign, List.of(), quiet));
        assertTrue(notEmpty.getMessage().contains("holds notes.txt"), notEmpty.getMessage());
        StoreException missing = assertThrows(StoreException.class,
            () -> snapshot.take(dir.resolve("snap"), List.of(ETH), quiet));
        assertEquals("no database for ETH-USDT in " + data, missing.getMessage());
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
