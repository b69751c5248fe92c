package okxstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okxstore.Coverage;
import okxstore.Gap;
import okxstore.OkxStore;
import okxstore.SeriesStats;
import okxstore.SeriesStatus;
import okxstore.StoreStatus;
import okxstore.StoredBar;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import okxstore.store.CandleWriter;
import okxstore.store.Hole;
import okxstore.store.StoredCandle;
import okxstore.store.WriterSettings;
import okxstore.sync.DataDirLock;

/**
 * The queries of the embedding API over a data directory written beforehand: 10,000 one-minute
 * bars with ten missing and a recorded hole before them. No network.
 */
class OkxStoreQueryTest {
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");
    private static final InstrumentId ETH = InstrumentId.parse("ETH-USDT");
    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final long MIN = 60_000L;
    private static final int BARS = 10_000;
    private static final int GAP_AT = 5_000;
    private static final int GAP_BARS = 10;
    private static final long UPDATED = T0 + BARS * MIN + 5;

    @TempDir
    Path dir;

    @BeforeEach
    void writeBars() {
        WriterSettings fast = new WriterSettings(2000, Duration.ZERO, 20_000, Duration.ofMinutes(5));
        try (CandleWriter w = new CandleWriter(dir, fast, InstantSource.fixed(Instant.ofEpochMilli(UPDATED)))) {
            for (int i = 0; i < BARS; i++) {
                if (i < GAP_AT || i >= GAP_AT + GAP_BARS) {
                    double close = 100 + i % 7;
                    Candle c = new Candle(T0 + i * MIN, 100, close + 1, 99, close, 2, 3, 4, i < BARS - 1);
                    w.put(new StoredCandle(BTC, Bar.M1, c, StoredCandle.REST, UPDATED));
                }
            }
            w.recordHole(BTC, Bar.M1, T0 - 10 * MIN, T0 - MIN, Hole.NO_DATA, UPDATED);
            w.flush().join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void latestAndRecentReturnTheNewestBarsOldestFirst() {
        try (OkxStore store = OkxStore.openReadOnly(dir)) {
            StoredBar latest = store.latest(BTC, Bar.M1).orElseThrow();
            assertEquals(T0 + (BARS - 1) * MIN, latest.ts());
            assertFalse(latest.confirmed());
            assertEquals("rest", latest.source());
            assertEquals(UPDATED, latest.updatedAt());
            assertEquals(BTC, latest.id());
            List<StoredBar> recent = store.recent(BTC, Bar.M1, 3);
            assertEquals(List.of(T0 + (BARS - 3) * MIN, T0 + (BARS - 2) * MIN, T0 + (BARS - 1) * MIN),
                recent.stream().map(StoredBar::ts).toList());
            assertTrue(recent.get(0).confirmed());
            assertEquals(List.of(), store.recent(BTC, Bar.M1, 0));
            assertTrue(store.latest(ETH, Bar.M1).isEmpty());
            assertTrue(store.latest(BTC, Bar.H1).isEmpty());
            assertThrows(IllegalArgumentException.class, () -> store.recent(BTC, Bar.M1, -1));
        }
    }

    @Test
    void rangeStreamsEveryBarInOrderAcrossPages() {
        try (OkxStore store = OkxStore.openReadOnly(dir);
             Stream<StoredBar> all = store.range(BTC, Bar.M1, Long.MIN_VALUE, Long.MAX_VALUE)) {
            long[] previous = {Long.MIN_VALUE};
            long n = all.peek(b -> {
                assertTrue(b.ts() > previous[0]);
                previous[0] = b.ts();
            }).count();
            assertEquals(BARS - GAP_BARS, n);
            try (Stream<StoredBar> some = store.range(BTC, Bar.M1, T0 + 4_998 * MIN, T0 + 5_011 * MIN)) {
                assertEquals(List.of(T0 + 4_998 * MIN, T0 + 4_999 * MIN, T0 + 5_010 * MIN, T0 + 5_011 * MIN),
                    some.map(StoredBar::ts).toList());
            }
            try (Stream<StoredBar> none = store.range(ETH, Bar.M1, 0, Long.MAX_VALUE)) {
                assertEquals(0, none.count());
            }
        }
    }

    @Test
    void coverageAndGapsTellMissingBarsFromExchangeHoles() {
        try (OkxStore store = OkxStore.openReadOnly(dir)) {
            Coverage c = store.coverage(BTC, Bar.M1);
            assertEquals(BARS - GAP_BARS, c.rows());
            assertEquals(BARS - GAP_BARS - 1, c.confirmedRows());
            assertEquals(T0, c.first().getAsLong());
            assertEquals(T0 + (BARS - 1) * MIN, c.last().getAsLong());
            assertEquals(BARS, c.expectedBars());
            assertEquals(GAP_BARS, c.missingBars());
            assertEquals(0.999, c.ratio(), 1e-12);
            assertEquals(List.of(new Gap(T0 - 10 * MIN, T0 - MIN, 10, "no-data"),
                new Gap(T0 + GAP_AT * MIN, T0 + (GAP_AT + GAP_BARS - 1) * MIN, GAP_BARS, Gap.MISSING)),
                store.gaps(BTC, Bar.M1));
            assertEquals(0, store.coverage(ETH, Bar.M1).rows());
            assertEquals(List.of(), store.gaps(ETH, Bar.M1));
        }
    }

    @Test
    void statsComeFromOneStreamingPass() {
        try (OkxStore store = OkxStore.openReadOnly(dir)) {
            SeriesStats s = store.stats(BTC, Bar.M1, 30).orElseThrow();
            assertEquals(BARS - GAP_BARS, s.rows());
            assertEquals(T0, s.first());
            assertEquals(BARS, s.expectedBars());
            assertEquals(30, s.window());
            assertTrue(s.volatility() > 0 && s.rollingVolatility().isPresent());
            assertEquals(s.volatility() * Math.sqrt(365.25 * 1440), s.annualizedVolatility(), 1e-9);
            SeriesStats two = store.stats(BTC, Bar.M1, T0, T0 + MIN, 0).orElseThrow();
            assertEquals(2, two.rows());
            assertEquals(101.0 / 100 - 1, two.simpleReturn(), 1e-12);
            assertTrue(store.stats(ETH, Bar.M1, 30).isEmpty());
        }
    }

    @Test
    void statusOfAReadOnlyStoreListsWhatIsOnDisk() {
        try (OkxStore store = OkxStore.openReadOnly(dir)) {
            StoreStatus st = store.status();
            assertTrue(st.readOnly());
            assertFalse(st.started());
            SeriesStatus s = st.series().get(0);
            assertEquals(1, st.series().size());
            assertEquals(BTC, s.id());
            assertEquals(BARS - GAP_BARS, s.rows());
            assertEquals(UPDATED, s.lastUpdatedAt().getAsLong());
            assertEquals(st.time() - UPDATED, s.ageMillis().getAsLong());
            assertEquals("not-configured", s.mode());
            assertEquals(SeriesStatus.STOPPED, s.state());
        }
    }

    @Test
    void aReadOnlyStoreRefusesToWriteAndTakesNoLock() throws Exception {
        try (OkxStore store = OkxStore.openReadOnly(dir)) {
            assertTrue(store.isReadOnly());
            assertThrows(IllegalStateException.class, store::start);
            assertThrows(IllegalStateException.class, () -> store.syncNow(BTC));
            assertThrows(IllegalStateException.class, () -> store.onCandle(BTC, Bar.M1, b -> { }));
            store.latest(BTC, Bar.M1).orElseThrow();
            try (DataDirLock lock = DataDirLock.acquire(dir, "test")) {
                assertEquals(BARS - GAP_BARS, store.coverage(BTC, Bar.M1).rows());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> OkxStore.openReadOnly(dir.resolve("missing")));
    }

    @Test
    void aWritableStoreTakesTheLockOnlyWhenItWrites() {
        try (OkxStore store = OkxStore.open(dir)) {
            assertFalse(store.isReadOnly());
            assertEquals(BARS - GAP_BARS, store.recent(BTC, Bar.M1, BARS).size());
            assertNull(DataDirLock.holder(dir));
            StoreStatus st = store.status();
            assertFalse(st.readOnly());
            // the three default instruments and what is on disk
            assertEquals(List.of("BTC-USDT/1m", "BTC-USDT/1H", "BTC-USDT/1Dutc", "ETH-USDT/1m", "ETH-USDT/1H",
                "ETH-USDT/1Dutc", "SOL-USDT/1m", "SOL-USDT/1H", "SOL-USDT/1Dutc"),
                st.series().stream().map(s -> s.id() + "/" + s.bar()).toList());
            assertEquals("hybrid", st.series().get(0).mode());
        }
    }

    @Test
    void aClosedStoreRefusesQueriesEvenFromAStreamOpenedBefore() {
        OkxStore store = OkxStore.openReadOnly(dir);
        Stream<StoredBar> all = store.range(BTC, Bar.M1, Long.MIN_VALUE, Long.MAX_VALUE);
        Iterator<StoredBar> it = all.iterator();
        assertEquals(T0, it.next().ts());
        store.close();
        store.close();
        assertThrows(IllegalStateException.class, () -> {
            while (it.hasNext()) {
                it.next();
            }
        });
        all.close();
        assertThrows(IllegalStateException.class, () -> store.latest(BTC, Bar.M1));
        assertThrows(IllegalStateException.class, store::status);
    }
}
