package okxstore.store;

import static okxstore.store.StoreFixtures.BTC;
import static okxstore.store.StoreFixtures.ETH;
import static okxstore.store.StoreFixtures.MINUTE;
import static okxstore.store.StoreFixtures.T0;
import static okxstore.store.StoreFixtures.fast;
import static okxstore.store.StoreFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okxstore.candle.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreReaderTest {
    @TempDir
    Path dir;
    private final StoreFixtures.ManualClock clock = new StoreFixtures.ManualClock(T0);

    private void writeMinutes(CandleWriter w, int n) throws Exception {
        List<StoredCandle> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(stored(BTC, Bar.M1, T0 + i * MINUTE, 100 + i, i < n - 1, 1_000 + i));
        }
        w.putAll(rows);
        w.flush().get(30, TimeUnit.SECONDS);
    }

    @Test
    void missingFileOrTable_readsAsEmpty_andCreatesNothing() throws Exception {
        try (StoreReader r = new StoreReader(dir)) {
            assertEquals(List.of(), r.instruments());
            assertEquals(List.of(), r.bars(BTC));
            assertEquals(Optional.empty(), r.latest(BTC, Bar.M1));
            assertEquals(List.of(), r.recent(BTC, Bar.M1, 5));
            assertEquals(0, r.count(BTC, Bar.M1));
            assertEquals(OptionalLong.empty(), r.firstTs(BTC, Bar.M1));
            assertEquals(SeriesSummary.EMPTY, r.summary(BTC, Bar.M1));
            assertEquals(List.of(), r.gaps(BTC, Bar.M1));
            assertEquals(List.of(new Gap(T0, T0 + 2 * MINUTE, 3)), r.gaps(BTC, Bar.M1, T0 - 1, T0 + 2 * MINUTE + 5));
            assertEquals(List.of(), r.holes(BTC, Bar.M1));
            assertEquals(SyncState.empty(Bar.M1), r.syncState(BTC, Bar.M1));
            assertEquals(0, r.schemaVersion(BTC));
            try (CandleCursor cursor = r.range(BTC, Bar.M1, 0, Long.MAX_VALUE)) {
                assertFalse(cursor.hasNext());
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(0, files.count(), "the reader created a file");
            }
            try (CandleWriter w = new CandleWriter(dir, fast(), clock)) {
                w.put(stored(BTC, Bar.H1, T0, 1, true, 1));
                w.flush().get(10, TimeUnit.SECONDS);
                assertEquals(0, r.count(BTC, Bar.M1));
                assertEquals(List.of(Bar.H1), r.bars(BTC));
                w.put(stored(BTC, Bar.M1, T0, 1, true, 1)); // a table created after the reader looked
                w.flush().get(10, TimeUnit.SECONDS);
                assertEquals(1, r.count(BTC, Bar.M1));
            }
        }
    }

    @Test
    void reader_seesCommittedWrites_whileTheWriterKeepsItsConnection() throws Exception {
        try (CandleWriter w = new CandleWriter(dir, fast(), clock); StoreReader r = new StoreReader(dir)) {
            writeMinutes(w, 10);
            assertEquals(10, r.count(BTC, Bar.M1));
            w.put(stored(BTC, Bar.M1, T0 + 10 * MINUTE, 5, false, 9_999));
            w.flush().get(10, TimeUnit.SECONDS);
            assertEquals(1, w.stats().openFiles());
            assertEquals(11, r.count(BTC, Bar.M1));
            assertEquals(T0 + 10 * MINUTE, r.latest(BTC, Bar.M1).orElseThrow().ts());
            assertEquals(List.of(BTC), r.instruments());
        }
    }

    @Test
    void queries_answerFromTheStoredRows() throws Exception {
        try (CandleWriter w = new CandleWriter(dir, fast(), clock); StoreReader r = new StoreReader(dir)) {
            writeMinutes(w, 20);
            w.put(stored(ETH, Bar.D1_UTC, T0, 1, true, 1));
            w.flush().get(10, TimeUnit.SECONDS);
            assertEquals(List.of(BTC, ETH), r.instruments());
            List<StoredCandle> recent = r.recent(BTC, Bar.M1, 3);
            assertEquals(List.of(T0 + 17 * MINUTE, T0 + 18 * MINUTE, T0 + 19 * MINUTE),
                recent.stream().map(StoredCandle::ts).toList());
            StoredCandle last = recent.get(2);
            assertEquals(stored(BTC, Bar.M1, T0 + 19 * MINUTE, 119, false, 1_019), last);
            assertEquals(last, r.latest(BTC, Bar.M1).orElseThrow());
            assertEquals(5, r.count(BTC, Bar.M1, T0 + 5 * MINUTE, T0 + 9 * MINUTE));
            assertEquals(T0, r.firstTs(BTC, Bar.M1).orElseThrow());
            assertEquals(T0 + 19 * MINUTE, r.lastTs(BTC, Bar.M1).orElseThrow());
            assertEquals(new SeriesSummary(20, OptionalLong.of(T0), OptionalLong.of(T0 + 19 * MINUTE), 19,
                OptionalLong.of(1_019)), r.summary(BTC, Bar.M1));
            assertEquals(Schema.CURRENT_VERSION, r.schemaVersion(BTC));
            assertEquals(List.of(Bar.D1_UTC), r.bars(ETH));
            assertEquals(List.of(T0 + 19 * MINUTE), r.unconfirmed(BTC, Bar.M1, T0, T0 + 19 * MINUTE));
            assertEquals(List.of(), r.unconfirmed(BTC, Bar.M1, T0, T0 + 18 * MINUTE));
            assertEquals(List.of(), r.unconfirmed(ETH, Bar.M1, T0, T0 + 18 * MINUTE));
        }
    }

    @Test
    void range_streams100kRowsInPages_holdingNoTransactionBetweenPages() throws Exception {
        int n = 100_000;
        int page = 5_000;
        WriterSettings settings = new WriterSettings(20_000, Duration.ZERO, 200_000, Duration.ofMinutes(5));
        try (CandleWriter w = new CandleWriter(dir, settings, clock); StoreReader r = new StoreReader(dir, page)) {
            writeMinutes(w, n);
            try (CandleCursor cursor = r.range(BTC, Bar.M1, T0, T0 + (n - 1) * MINUTE)) {
                long expected = T0;
                int seen = 0;
                while (cursor.hasNext()) {
                    assertTrue(cursor.buffered() <= page, "buffered " + cursor.buffered());
                    assertEquals(expected, cursor.next().ts());
                    expected += MINUTE;
                    if (++seen == 10) {
                        w.put(stored(ETH, Bar.M1, T0, 1, true, 1)); // unrelated file: no effect on the range
                        w.put(stored(BTC, Bar.M1, T0 + n * MINUTE, 1, true, 1)); // new WAL frames, past the range
                        w.flush().get(10, TimeUnit.SECONDS);
                        assertEquals(0, truncateCheckpointBusy(dir.resolve("BTC-USDT.db")),
                            "an open cursor pins the WAL");
                    }
                }
                assertEquals(n, seen);
            }
            try (CandleCursor cursor = r.range(BTC, Bar.M1, T0 + 10 * MINUTE + 1, T0 + 12 * MINUTE)) {
                assertEquals(T0 + 11 * MINUTE, cursor.next().ts());
                assertEquals(T0 + 12 * MINUTE, cursor.next().ts());
                assertFalse(cursor.hasNext());
            }
        }
    }

    /** {@code PRAGMA wal_checkpoint(TRUNCATE)} from another connection: 1 when a reader kept it from finishing. */
    private static long truncateCheckpointBusy(Path file) throws Exception {
        try (Connection c = StoreFixtures.raw(file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void readerInReadOnlyMode_neverWritesANonWalFile() throws Exception {
        try (CandleWriter w = new CandleWriter(dir, fast(), clock)) {
            writeMinutes(w, 3);
        }
        Path file = dir.resolve("BTC-USDT.db");
        try (Connection c = StoreFixtures.raw(file)) {
            Database.exec(c, "PRAGMA journal_mode=DELETE"); // as a snapshot is
        }
        byte[] before = Files.readAllBytes(file);
        try (StoreReader r = new StoreReader(dir)) {
            assertEquals(3, r.count(BTC, Bar.M1));
            assertEquals(List.of(), r.gaps(BTC, Bar.M1));
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
