package okxstore.store;

import static okxstore.store.StoreFixtures.BTC;
import static okxstore.store.StoreFixtures.T0;
import static okxstore.store.StoreFixtures.fast;
import static okxstore.store.StoreFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import okxstore.candle.Bar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upsert rule of DESIGN.md, one observation at a time. */
class UpsertTest {
    @TempDir
    Path dir;
    private CandleWriter writer;
    private StoreReader reader;

    @BeforeEach
    void open() {
        writer = new CandleWriter(dir, fast(), new StoreFixtures.ManualClock(T0));
        reader = new StoreReader(dir);
    }

    @AfterEach
    void close() {
        writer.close();
        reader.close();
    }

    /** Writes one observation of the bar at T0 and returns the stored row's close. */
    private double write(double close, boolean confirmed, long updatedAt) throws Exception {
        writer.put(stored(BTC, Bar.M1, T0, close, confirmed, updatedAt));
        writer.flush().get(10, TimeUnit.SECONDS);
        return reader.latest(BTC, Bar.M1).orElseThrow().candle().close();
    }

    @Test
    void newerObservation_replacesTheRow() throws Exception {
        assertEquals(10, write(10, false, 100));
        assertEquals(11, write(11, false, 200));
        assertEquals(12, write(12, true, 300));
        assertEquals(13, write(13, true, 400));
        StoredCandle row = reader.latest(BTC, Bar.M1).orElseThrow();
        assertEquals(400, row.updatedAt());
        assertEquals(true, row.candle().confirmed());
        assertEquals(4, writer.stats().rowsWritten());
    }

    @Test
    void equalUpdatedAt_changesNothing() throws Exception {
        write(10, false, 100);
        assertEquals(10, write(99, false, 100));
        write(20, true, 200);
        assertEquals(20, write(99, true, 200));
        assertEquals(2, writer.stats().rowsUnchanged());
    }

    @Test
    void olderObservation_changesNothing() throws Exception {
        write(10, true, 200);
        assertEquals(10, write(99, true, 150));
    }

    @Test
    void unconfirmed_neverReplacesConfirmed_evenWhenNewer() throws Exception {
        write(10, true, 100);
        assertEquals(10, write(99, false, 500));
        assertEquals(100, reader.latest(BTC, Bar.M1).orElseThrow().updatedAt());
    }

    @Test
    void confirmed_replacesUnconfirmed_evenWhenOlder() throws Exception {
        write(10, false, 500);
        assertEquals(20, write(20, true, 100));
        assertEquals(100, reader.latest(BTC, Bar.M1).orElseThrow().updatedAt());
    }

    @Test
    void reimportOfTheSameRows_isANoOp() throws Exception {
        for (int i = 0; i < 5; i++) {
            writer.put(stored(BTC, Bar.M1, T0 + i * 60_000L, 10 + i, true, 100));
        }
        writer.flush().get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            writer.put(stored(BTC, Bar.M1, T0 + i * 60_000L, 10 + i, true, 100));
        }
        writer.flush().get(10, TimeUnit.SECONDS);
        assertEquals(5, writer.stats().rowsWritten());
        assertEquals(5, writer.stats().rowsUnchanged());
    }
}
