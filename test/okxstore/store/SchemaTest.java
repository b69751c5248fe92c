package okxstore.store;

import static okxstore.store.StoreFixtures.BTC;
import static okxstore.store.StoreFixtures.ETH;
import static okxstore.store.StoreFixtures.T0;
import static okxstore.store.StoreFixtures.fast;
import static okxstore.store.StoreFixtures.queryLong;
import static okxstore.store.StoreFixtures.raw;
import static okxstore.store.StoreFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
    @TempDir
    Path dir;

    @Test
    void firstWrite_createsFileWithSchemaMetaWalAndOnlyTheWrittenBarsTable() throws Exception {
        StoreFixtures.ManualClock clock = new StoreFixtures.ManualClock(T0 + 5);
        try (CandleWriter w = new CandleWriter(dir, fast(), clock)) {
            w.put(stored(BTC, Bar.MO1_UTC, T0, 100, true, 1));
            w.flush().get(10, TimeUnit.SECONDS);
        }
        Path file = dir.resolve("BTC-USDT.db");
        assertTrue(Files.isRegularFile(file));
        assertEquals(Schema.CURRENT_VERSION, queryLong(file, "PRAGMA user_version"));
        assertEquals(1, Schema.CURRENT_VERSION);
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                StringBuilder names = new StringBuilder();
                while (rs.next()) {
                    names.append(rs.getString(1)).append(' ');
                }
                assertEquals("candles_1mo_utc holes meta sync_state ", names.toString());
            }
            try (ResultSet rs = s.executeQuery("SELECT key, value FROM meta ORDER BY key")) {
                assertTrue(rs.next());
                assertEquals("created_at", rs.getString(1));
                assertEquals(Long.toString(T0 + 5), rs.getString(2));
                assertTrue(rs.next());
                assertEquals("inst_id", rs.getString(1));
                assertEquals("BTC-USDT", rs.getString(2));
            }
        }
    }

    @Test
    void olderFile_isMigratedOnFirstWrite_keepingItsRows() throws Exception {
        Path file = dir.resolve("BTC-USDT.db");
        try (Connection c = raw(file)) {
            Database.exec(c, Schema.createCandleTable(Bar.M1));
            Database.exec(c, "INSERT INTO candles_1m VALUES (" + T0 + ", 1, 2, 0.5, 1.5, 1, 1, 1, 1, 'rest', 7)");
        }
        assertEquals(0, queryLong(file, "PRAGMA user_version"));
        try (CandleWriter w = new CandleWriter(dir, fast(), new StoreFixtures.ManualClock(T0))) {
            w.put(stored(BTC, Bar.M1, T0 + 60_000, 100, true, 1));
            w.flush().get(10, TimeUnit.SECONDS);
        }
        assertEquals(Schema.CURRENT_VERSION, queryLong(file, "PRAGMA user_version"));
        assertEquals(2, queryLong(file, "SELECT COUNT(*) FROM candles_1m"));
        assertEquals(0, queryLong(file, "SELECT COUNT(*) FROM holes"));
    }

    @Test
    void newerFile_isNeverWritten_butIsRead() throws Exception {
        Path file = dir.resolve("BTC-USDT.db");
        try (Connection c = raw(file)) {
            Database.exec(c, Schema.createCandleTable(Bar.M1));
            Database.exec(c, "INSERT INTO candles_1m VALUES (" + T0 + ", 1, 2, 0.5, 1.5, 1, 1, 1, 1, 'rest', 7)");
            Database.exec(c, "PRAGMA user_version = " + (Schema.CURRENT_VERSION + 1));
        }
        byte[] before = Files.readAllBytes(file);
        try (CandleWriter w = new CandleWriter(dir, fast(), new StoreFixtures.ManualClock(T0))) {
            w.put(stored(BTC, Bar.M1, T0 + 60_000, 100, true, 1));
            ExecutionException e = assertThrows(ExecutionException.class, () -> w.flush().get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof StoreException);
            assertTrue(e.getCause().getMessage().contains("BTC-USDT.db: schema version 2 is newer"),
                e.getCause().getMessage());
            assertEquals(1, w.stats().rowsRejected());
            assertEquals(0, w.stats().rowsWritten());
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the newer file was modified");
        try (StoreReader r = new StoreReader(dir)) {
            assertEquals(Schema.CURRENT_VERSION + 1, r.schemaVersion(BTC));
            assertEquals(1, r.count(BTC, Bar.M1));
            assertEquals(List.of(Bar.M1), r.bars(BTC));
        }
    }

    @Test
    void fileThatIsNotADatabase_isRefused_notRetriedForever() throws Exception {
        Path file = dir.resolve("BTC-USDT.db");
        Files.writeString(file, "not a database, but long enough to have a header: ".repeat(20));
        byte[] before = Files.readAllBytes(file);
        try (CandleWriter w = new CandleWriter(dir, fast(), new StoreFixtures.ManualClock(T0))) {
            w.put(stored(BTC, Bar.M1, T0, 100, true, 1));
            ExecutionException e = assertThrows(ExecutionException.class, () -> w.flush().get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().startsWith("BTC-USDT.db: not written"), e.getCause().getMessage());
            assertEquals(1, w.stats().rowsRejected());
            w.put(stored(ETH, Bar.M1, T0, 100, true, 1));
            w.flush().get(10, TimeUnit.SECONDS); // other files go on
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
        try (StoreReader r = new StoreReader(dir)) {
            StoreException e = assertThrows(StoreException.class, () -> r.count(BTC, Bar.M1));
            assertTrue(e.getMessage().startsWith("BTC-USDT.db: "), e.getMessage());
            assertEquals(1, r.count(ETH, Bar.M1));
        }
    }

    @Test
    void dataDir_listsOnlyFilesNamedLikeInstruments() throws Exception {
        DataDir dataDir = new DataDir(dir);
        assertEquals(List.of(), new DataDir(dir.resolve("missing")).instruments());
        for (String name : List.of("ETH-USDT.db", "BTC-USDT.db", "btc-usdt.db", "x;y.db", "BTC-USDT.db-wal", "notes.txt")) {
            Files.writeString(dir.resolve(name), "");
        }
        Files.createDirectory(dir.resolve("SOL-USDT.db"));
        assertEquals(List.of(BTC, new InstrumentId("ETH-USDT")), dataDir.instruments());
        assertEquals(dir.resolve("BTC-USDT.db"), dataDir.file(BTC));
        assertFalse(Files.exists(dir.resolve("BTC-USDT.db-shm")));
    }
}
