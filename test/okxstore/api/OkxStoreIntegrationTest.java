package okxstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okxstore.OkxStore;
import okxstore.OkxStoreException;
import okxstore.StoreConfig;
import okxstore.StoreStatus;
import okxstore.StoredBar;
import okxstore.Subscription;
import okxstore.SyncReport;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.fake.Endpoint;
import okxstore.fake.FakeMarket;
import okxstore.fake.TruthCheck;
import okxstore.sync.DataDirLock;

/**
 * The embedding API against the fake OKX on the real clock, with 1-second bars so that bars close
 * within the test: syncNow, the live engine and its listeners, the lock, and a clean close.
 */
class OkxStoreIntegrationTest {
    private static final String BTC = "BTC-USDT";
    private static final String ETH = "ETH-USDT";
    private static final InstrumentId BTC_ID = InstrumentId.parse(BTC);
    private static final long WAIT_S = 30;

    @TempDir
    Path tmp;

    private StoreConfig.Builder config(FakeMarket market) {
        StoreConfig.Builder b = StoreConfig.builder().dataDir(tmp.resolve("data"));
        market.config().forEach(b::set);
        return b;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void syncNowStoresEveryBarOfTheInstrumentEvenWhileAListenerIsBlocked() throws Exception {
        try (FakeMarket market = FakeMarket.realTime(30, Duration.ofMillis(200), BTC, ETH);
             OkxStore store = OkxStore.open(config(market).instrument(BTC_ID, 1, Bar.M1, Bar.H1).build())) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger heard = new AtomicInteger();
            try (Subscription blocked = store.onCandle(BTC_ID, Bar.M1, b -> {
                heard.incrementAndGet();
                awaitQuietly(release);
            })) {
                List<SyncReport> reports = store.syncNow(BTC_ID);
                assertEquals(List.of(Bar.M1, Bar.H1), reports.stream().map(SyncReport::bar).toList());
                reports.forEach(r -> assertTrue(r.ok() && r.candles() > 0 && r.requests() > 0, r.toString()));
                // the listener thread is stuck on the first bar; the writer was not
                assertEquals(1, heard.get());
                release.countDown();
                await("the backlog delivered", () -> heard.get() >= 1440);
            }
            assertTrue(DataDirLock.holder(store.dataDir()).endsWith(" embedded"));
            long minute = Bar.M1.openTime(System.currentTimeMillis());
            TruthCheck.assertEqualsTruth(market.rest().truth(), store.dataDir(), BTC, Bar.M1, minute - 86_400_000L,
                minute - 60_000);
            assertEquals(minute, store.latest(BTC_ID, Bar.M1).orElseThrow().ts(), 60_000);

            List<SyncReport> unknown = store.syncNow(InstrumentId.parse("DOGE-USDT"));
            assertFalse(unknown.isEmpty());
            unknown.forEach(r -> assertTrue(r.error().orElseThrow().contains("DOGE-USDT"), r.toString()));
            store.close();
            assertNull(DataDirLock.holder(store.dataDir()));
        }
    }

    @Test
    void aStartedStoreStreamsLiveBarsToListeners_survivesOneThatThrows_andLeavesNoThreadBehind() throws Exception {
        Map<Long, ThreadDump.Entry> before = ThreadDump.take(tmp);
        Records log = new Records();
        Logger okxstore = Logger.getLogger("okxstore");
        okxstore.addHandler(log);
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (FakeMarket market = FakeMarket.realTime(30, Duration.ofMillis(200), BTC, ETH)) {
            StoreConfig config = config(market).instrument(BTC, 0, "1s").instrument(ETH, 0, "1s").build();
            try (OkxStore store = OkxStore.open(config)) {
                AtomicInteger thrown = new AtomicInteger();
                List<StoredBar> closed = new CopyOnWriteArrayList<>();
                Set<String> threads = ConcurrentHashMap.newKeySet();
                CountDownLatch fiveClosed = new CountDownLatch(5);
                store.onCandle(BTC_ID, Bar.S1, b -> {
                    thrown.incrementAndGet();
                    throw new IllegalStateException("listener bug");
                });
                store.onCandle(BTC_ID, Bar.S1, b -> {
                    threads.add(Thread.currentThread().getName());
                    if (b.confirmed() && b.source().equals("ws")) {
                        closed.add(b);
                        fiveClosed.countDown();
                    }
                });
                store.start();
                store.start();
                assertTrue(fiveClosed.await(WAIT_S, TimeUnit.SECONDS), "five closed bars pushed");
                assertEquals(Set.of("okx-store-listeners"), threads);
                assertTrue(thrown.get() >= 5);
                assertTrue(log.warnings().stream().anyMatch(r -> r.getMessage().contains("a candle listener failed")
                    && r.getThrown() instanceof IllegalStateException), log.warnings().toString());

                await("every series live", () -> store.status().series().stream().allMatch(s -> s.live()));
                StoreStatus st = store.status();
                assertEquals(2, st.engine().orElseThrow().subscriptions());
                assertTrue(st.engine().orElseThrow().pushes() > 0);
                long first = closed.get(0).ts();
                long last = closed.get(closed.size() - 1).ts();
                TruthCheck.assertEqualsTruth(market.rest().truth(), store.dataDir(), BTC, Bar.S1, first, last + 1);

                try (OkxStore reader = OkxStore.openReadOnly(store.dataDir())) {
                    assertTrue(reader.latest(BTC_ID, Bar.S1).orElseThrow().ts() >= last);
                    assertThrows(IllegalStateException.class, reader::start);
                }
            }
            assertTrue(market.rest().served(Endpoint.HISTORY_CANDLES) > 0);
        } finally {
            System.setOut(stdout);
            okxstore.removeHandler(log);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "library output on stdout");
        ThreadDump.assertNoneLeft(before, tmp, Duration.ofSeconds(10));
    }

    @Test
    void startAndSyncNowRefuseWhileADaemonHoldsTheDirectory_namingItsPid() throws Exception {
        Path data = tmp.resolve("data");
        StoreConfig config = StoreConfig.builder().dataDir(data).restUrl("http://127.0.0.1:9").build();
        try (DataDirLock daemon = DataDirLock.acquire(data, "daemon");
             OkxStore store = OkxStore.open(config)) {
            String pid = Long.toString(ProcessHandle.current().pid());
            String m = assertThrows(OkxStoreException.class, store::start).getMessage();
            assertTrue(m.contains("in use by okx-store daemon (pid " + pid + ")"), m);
            m = assertThrows(OkxStoreException.class, () -> store.syncNow(BTC_ID)).getMessage();
            assertTrue(m.contains("(pid " + pid + ")"), m);
            assertFalse(store.status().started());
        }
    }

    @Test
    void closeStopsASyncNowUnderWay() throws Exception {
        try (FakeMarket market = FakeMarket.realTime(30, Duration.ofMillis(200), BTC)) {
            market.rest().setLatency(Duration.ofMillis(300));
            OkxStore store = OkxStore.open(config(market).instrument(BTC_ID, 30, Bar.M1).build());
            try {
                Throwable[] failure = new Throwable[1];
                Thread caller = Thread.ofPlatform().start(() -> {
                    try {
                        store.syncNow(BTC_ID);
                    } catch (Throwable e) {
                        failure[0] = e;
                    }
                });
                await("the sync under way", () -> market.rest().served(Endpoint.CANDLES)
                    + market.rest().served(Endpoint.HISTORY_CANDLES) > 0);
                store.close();
                assertTrue(caller.join(Duration.ofSeconds(10)), "syncNow returned after close");
                assertTrue(failure[0] instanceof IllegalStateException, String.valueOf(failure[0]));
                assertNull(DataDirLock.holder(store.dataDir()));
                assertThrows(IllegalStateException.class, () -> store.syncNow(BTC_ID));
            } finally {
                store.close();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects the warnings the store logs. */
    private static final class Records extends Handler {
        private final List<LogRecord> records = new CopyOnWriteArrayList<>();

        List<LogRecord> warnings() {
            return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        }

        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
