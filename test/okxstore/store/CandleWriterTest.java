package okxstore.store;

import static okxstore.store.StoreFixtures.BTC;
import static okxstore.store.StoreFixtures.ETH;
import static okxstore.store.StoreFixtures.MINUTE;
import static okxstore.store.StoreFixtures.T0;
import static okxstore.store.StoreFixtures.await;
import static okxstore.store.StoreFixtures.candle;
import static okxstore.store.StoreFixtures.fast;
import static okxstore.store.StoreFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleWriterTest {
    @TempDir
    Path dir;
    private final StoreFixtures.ManualClock clock = new StoreFixtures.ManualClock(T0);

    private static List<StoredCandle> minutes(int n, long updatedAt) {
        List<StoredCandle> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(stored(BTC, Bar.M1, T0 + i * MINUTE, 100 + i, true, updatedAt));
        }
        return rows;
    }

    @Test
    void manyPuts_areCommittedInFewBatches() throws Exception {
        WriterSettings settings = new WriterSettings(2000, Duration.ofSeconds(5), 100_000, Duration.ofMinutes(5));
        try (CandleWriter w = new CandleWriter(dir, settings, clock); StoreReader r = new StoreReader(dir)) {
            for (StoredCandle c : minutes(10_000, 1)) {
                w.put(c);
            }
            w.flush().get(10, TimeUnit.SECONDS);
            assertEquals(10_000, r.count(BTC, Bar.M1));
            WriterStats stats = w.stats();
            assertEquals(10_000, stats.rowsWritten());
            assertEquals(5, stats.commits(), stats.toString());
            assertEquals(0, stats.errors());
        }
    }

    @Test
    void flush_commitsAtOnce_withoutWaitingForMaxDelay() throws Exception {
        WriterSettings settings = new WriterSettings(2000, Duration.ofMinutes(10), 100, Duration.ofMinutes(5));
        try (CandleWriter w = new CandleWriter(dir, settings, clock); StoreReader r = new StoreReader(dir)) {
            w.putAll(minutes(3, 1));
            w.put(stored(ETH, Bar.H1, T0, 5, false, 1));
            w.flush().get(10, TimeUnit.SECONDS);
            assertEquals(3, r.count(BTC, Bar.M1));
            assertEquals(1, r.count(ETH, Bar.H1));
            assertEquals(2, w.stats().commits(), "one transaction per file");
        }
    }

    @Test
    void close_drainsAndCommitsEverythingQueued_andJoinsTheThread() throws Exception {
        WriterSettings settings = new WriterSettings(2000, Duration.ofMinutes(10), 100_000, Duration.ofMinutes(5));
        CandleWriter w = new CandleWriter(dir, settings, clock);
        assertTrue(w.isRunning());
        w.putAll(minutes(500, 1));
        w.close();
        assertFalse(w.isRunning());
        assertFalse(Files.exists(dir.resolve("BTC-USDT.db-wal")), "the last connection's close checkpoints the WAL away");
        try (StoreReader r = new StoreReader(dir)) {
            assertEquals(500, r.count(BTC, Bar.M1));
        }
        assertThrows(IllegalStateException.class, () -> w.put(stored(BTC, Bar.M1, T0, 1, true, 2)));
        w.flush().get(1, TimeUnit.SECONDS);
        w.close();
    }

    @Test
    void fullQueue_blocksProducers_untilTheWriterCatchesUp() throws Exception {
        WriterSettings settings = new WriterSettings(2000, Duration.ZERO, 2, Duration.ofMinutes(5));
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch firstCommit = new CountDownLatch(1);
        try (CandleWriter w = new CandleWriter(dir, settings, clock)) {
            w.addListener(rows -> {
                firstCommit.countDown();
                try {
                    hold.await(); // the writer thread stalls inside its first commit's listener
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            w.put(stored(ETH, Bar.M1, T0, 1, true, 1));
            AtomicInteger done = new AtomicInteger();
            Thread producer = null;
            try {
                assertTrue(firstCommit.await(10, TimeUnit.SECONDS));
                producer = Thread.ofVirtual().start(() -> {
                    try {
                        for (StoredCandle c : minutes(10, 1)) {
                            w.put(c);
                            done.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Thread p = producer;
                await("the producer to block on the full queue", () -> p.getState() == Thread.State.WAITING);
                assertEquals(2, done.get(), "puts that went into the queue of 2");
                assertEquals(2, w.stats().queueDepth());
            } finally {
                hold.countDown();
            }
            producer.join(10_000);
            assertEquals(10, done.get());
            w.flush().get(10, TimeUnit.SECONDS);
            assertEquals(11, w.stats().rowsWritten());
        }
    }

    @Test
    void insaneAndOffGridCandles_areSkippedAndCounted_neverWritten() throws Exception {
        try (CandleWriter w = new CandleWriter(dir, fast(), clock)) {
            w.put(new StoredCandle(BTC, Bar.M1, new Candle(T0, 10, 9, 11, 10, 1, 1, 1, true), "rest", 1));
            w.put(new StoredCandle(BTC, Bar.M1, new Candle(T0, 10, 11, 9, 10, -1, 1, 1, true), "rest", 1));
            w.putAll(List.of(stored(BTC, Bar.M1, T0 + 1_000, 10, true, 1), stored(BTC, Bar.H1, T0 + MINUTE, 10, true, 1)));
            w.flush().get(10, TimeUnit.SECONDS);
            assertEquals(4, w.stats().rowsSkipped());
            assertEquals(0, w.stats().rowsWritten());
        }
        assertFalse(Files.exists(dir.resolve("BTC-USDT.db")));
    }

    @Test
    void listener_getsOnlyTheRowsThatChanged() throws Exception {
        List<List<StoredCandle>> seen = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        try (CandleWriter w = new CandleWriter(dir, fast(), clock)) {
            w.addListener(seen::add);
            w.addListener(rows -> threads.add(Thread.currentThread()));
            w.put(stored(BTC, Bar.M1, T0, 10, false, 5));
            w.flush().get(10, TimeUnit.SECONDS);
            w.put(stored(BTC, Bar.M1, T0, 10, false, 5)); // unchanged: equal updated_at
            w.put(stored(BTC, Bar.M1, T0, 11, true, 6));
            w.flush().get(10, TimeUnit.SECONDS);
        }
        List<Double> closes = seen.stream().flatMap(List::stream).map(c -> c.candle().close()).toList();
        assertEquals(List.of(10.0, 11.0), closes);
        Thread writerThread = threads.get(0);
        assertEquals("okx-store-writer", writerThread.getName());
        assertFalse(writerThread.isVirtual(), "JDBC runs on a platform thread");
        assertFalse(writerThread.isDaemon(), "close() joins it");
    }

    @Test
    void settings_areValidated_namingTheKnob() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> new WriterSettings(0, Duration.ZERO, 10, Duration.ofMinutes(1)));
        assertEquals("writer batchSize must be at least 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WriterSettings(1, Duration.ofMillis(-1), 10, Duration.ZERO));
        assertEquals(2000, WriterSettings.defaults().batchSize());
    }

    @Test
    void manyVirtualThreadProducers_allRowsArrive() throws Exception {
        try (CandleWriter w = new CandleWriter(dir, fast(), clock)) {
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int p = 0; p < 8; p++) {
                    int offset = p * 100;
                    executor.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            w.put(stored(ETH, Bar.M1, T0 + (offset + i) * MINUTE, 1, true, 1));
                        }
                        return null;
                    });
                }
            }
            w.flush().get(10, TimeUnit.SECONDS);
            assertEquals(800, w.stats().rowsWritten());
        }
    }

    @Test
    void idleFiles_areClosed_andReopenedOnTheNextWrite() throws Exception {
        WriterSettings settings = new WriterSettings(2000, Duration.ZERO, 100, Duration.ofMinutes(1));
        try (CandleWriter w = new CandleWriter(dir, settings, clock); StoreReader r = new StoreReader(dir)) {
            w.put(stored(BTC, Bar.M1, T0, 1, true, 1));
            w.flush().get(10, TimeUnit.SECONDS);
            assertEquals(1, w.stats().openFiles());
            clock.advance(Duration.ofMinutes(2));
            w.flush().get(10, TimeUnit.SECONDS);
            assertEquals(0, w.stats().openFiles());
            w.put(stored(BTC, Bar.M1, T0 + MINUTE, 1, true, 1));
            w.flush().get(10, TimeUnit.SECONDS);
            assertEquals(1, w.stats().openFiles());
            assertEquals(2, r.count(BTC, Bar.M1));
        }
    }

    @Test
    void release_closesTheFile_soItCanBeDeleted() throws Exception {
        try (CandleWriter w = new CandleWriter(dir, fast(), clock)) {
            w.put(stored(BTC, Bar.M1, T0, 1, true, 1));
            w.put(stored(ETH, Bar.M1, T0, 1, true, 1));
            w.release(BTC);
            assertEquals(1, w.stats().openFiles());
            assertFalse(Files.exists(dir.resolve("BTC-USDT.db-wal")));
            Files.delete(dir.resolve("BTC-USDT.db"));
            w.release(new okxstore.candle.InstrumentId("SOL-USDT")); // never opened: returns at once
        }
    }

    @Test
    void holesAndFloors_areWrittenInQueueOrder() throws Exception {
        try (CandleWriter w = new CandleWriter(dir, fast(), clock); StoreReader r = new StoreReader(dir)) {
            w.recordHole(BTC, Bar.M1, T0, T0 + 9 * MINUTE, Hole.NO_DATA, T0 + 1);
            w.recordHole(BTC, Bar.M1, T0, T0 + 4 * MINUTE, Hole.BEFORE_LISTING, T0 + 2);
            w.recordHole(BTC, Bar.H1, T0, T0, Hole.BEYOND_RETENTION, T0 + 3);
            w.setHistoryFloor(BTC, Bar.M1, T0 - MINUTE, false);
            w.setListingFloor(BTC, Bar.M1, T0 + 5 * MINUTE);
            w.setHistoryFloor(BTC, Bar.M1, T0 - 2 * MINUTE, true);
            w.flush().get(10, TimeUnit.SECONDS);
            assertEquals(List.of(new Hole(Bar.M1, T0, T0 + 4 * MINUTE, Hole.BEFORE_LISTING, T0 + 2, 2)), r.holes(BTC, Bar.M1));
            assertEquals(1, r.holes(BTC, Bar.H1).size());
            SyncState state = r.syncState(BTC, Bar.M1);
            assertEquals(T0 - 2 * MINUTE, state.historyFloor().orElseThrow());
            assertTrue(state.historyComplete());
            assertEquals(T0 + 5 * MINUTE, state.listingFloor().orElseThrow());
            assertEquals(SyncState.empty(Bar.D1), r.syncState(BTC, Bar.D1));
            w.clearHoles(BTC, Bar.M1);
            w.flush().get(10, TimeUnit.SECONDS);
            assertEquals(List.of(), r.holes(BTC, Bar.M1));
            assertEquals(1, r.holes(BTC, Bar.H1).size());
        }
        assertThrows(IllegalArgumentException.class, () -> Hole.checkReason("gone"));
    }

    @Test
    void lockedFile_isRetriedWithBackoff_andNothingIsDropped() throws Exception {
        WriterSettings settings = fast().withBusyTimeout(Duration.ofMillis(20)).withRetryBackoff(Duration.ofMillis(5));
        try (CandleWriter w = new CandleWriter(dir, settings, clock); StoreReader r = new StoreReader(dir)) {
            w.put(stored(BTC, Bar.M1, T0, 1, true, 1));
            w.flush().get(10, TimeUnit.SECONDS);
            try (var other = StoreFixtures.raw(dir.resolve("BTC-USDT.db"))) {
                Database.exec(other, "BEGIN IMMEDIATE"); // another process holds the write lock
                w.put(stored(BTC, Bar.M1, T0 + MINUTE, 1, true, 1));
                var flushed = w.flush();
                await("failed attempts", () -> w.stats().errors() >= 2);
                assertFalse(flushed.isDone());
                Database.exec(other, "ROLLBACK");
                flushed.get(10, TimeUnit.SECONDS);
            }
            assertEquals(2, r.count(BTC, Bar.M1));
            assertEquals(candle(T0 + MINUTE, 1, true), r.latest(BTC, Bar.M1).orElseThrow().candle());
        }
    }

    @Test
    void close_givesUpOnAFileThatStaysLocked_countsTheRows_andReturns() throws Exception {
        WriterSettings settings = fast().withBusyTimeout(Duration.ofMillis(20)).withRetryBackoff(Duration.ofMillis(5));
        CandleWriter w = new CandleWriter(dir, settings, clock);
        w.put(stored(BTC, Bar.M1, T0, 1, true, 1));
        w.flush().get(10, TimeUnit.SECONDS);
        try (var other = StoreFixtures.raw(dir.resolve("BTC-USDT.db"))) {
            Database.exec(other, "BEGIN IMMEDIATE");
            w.put(stored(BTC, Bar.M1, T0 + MINUTE, 1, true, 1));
            w.put(stored(ETH, Bar.M1, T0, 1, true, 1));
            var flushed = w.flush();
            w.close();
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> flushed.get(1, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().startsWith("BTC-USDT.db: gave up writing 1 queued operations at close"),
                e.getCause().getMessage());
            Database.exec(other, "ROLLBACK");
        }
        assertEquals(1, w.stats().rowsRejected());
        assertEquals(2, w.stats().rowsWritten());
        try (StoreReader r = new StoreReader(dir)) {
            assertEquals(1, r.count(BTC, Bar.M1));
            assertEquals(1, r.count(ETH, Bar.M1));
        }
    }
}
