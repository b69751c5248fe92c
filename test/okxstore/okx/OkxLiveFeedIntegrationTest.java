package okxstore.okx;

import static okxstore.candle.LiveFeed.SeriesState.DOWN;
import static okxstore.candle.LiveFeed.SeriesState.REFUSED;
import static okxstore.candle.LiveFeed.SeriesState.SUBSCRIBED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import okxstore.fake.ws.FakeOkxWebSocket;
import okxstore.fake.ws.FakeWsSettings;
import okxstore.fake.ws.PushSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live feed against the fake OKX socket: steady pushes, and each way the socket misbehaves. */
class OkxLiveFeedIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final InstrumentId BTC = new InstrumentId("BTC-USDT");
    static final InstrumentId ETH = new InstrumentId("ETH-USDT");
    static final Set<String> KNOWN = Set.of("BTC-USDT", "ETH-USDT", "SOL-USDT", "XRP-USDT", "DOGE-USDT", "ADA-USDT");
    private static final Instant T0 = Instant.parse("2026-09-15T10:00:30Z");

    private final OkxLiveRecorder recorder = new OkxLiveRecorder();
    private FakeOkxWebSocket server;
    private OkxLiveFeed feed;

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
            assertTrue(feed.stopped(), "feed threads left after close()");
        }
        if (server != null) {
            server.close();
        }
    }

    static FakeWsSettings fakeSettings() {
        return FakeWsSettings.defaults().withPushInterval(Duration.ofMillis(50))
            .withConnectionLimit(100, Duration.ofSeconds(1)).withNoticeCloseDelay(Duration.ofSeconds(2))
            .withCloseGrace(Duration.ofMillis(300));
    }

    /**
     * Short timings: ping after 200 ms, pong within 500 ms, stale after 1 s, reconnect 50-400 ms; with
     * margins that hold on a loaded 2-core machine.
     */
    static WsSettings feedSettings(FakeOkxWebSocket server) {
        return WsSettings.defaults().withUrl(server.businessUri())
            .withKeepalive(Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofMillis(1000))
            .withReconnect(Duration.ofMillis(50), Duration.ofMillis(400), 20)
            .withRefusedCooldown(Duration.ofMillis(300))
            .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(300));
    }

    private OkxLiveFeed startFeed(FakeWsSettings fake, java.util.function.UnaryOperator<WsSettings> tweak)
            throws Exception {
        server = FakeOkxWebSocket.start(PushSource.synthetic(KNOWN), InstantSource.fixed(T0), fake);
        feed = new OkxLiveFeed(tweak.apply(feedSettings(server)), recorder, InstantSource.system(),
            new SplittableRandom(7));
        return feed;
    }

    private void subscribed(InstrumentId id, Bar bar) throws InterruptedException {
        assertTrue(recorder.awaitState(id, bar, SUBSCRIBED, WAIT), () -> id + "/" + bar + " not subscribed: "
            + recorder.states());
    }

    @Test
    void steadyPushes_reachTheListener_onTheFeedsThread() throws Exception {
        startFeed(fakeSettings(), s -> s);
        feed.subscribe(BTC, Bar.M1);
        feed.subscribe(ETH, Bar.H1);
        feed.start();
        subscribed(BTC, Bar.M1);
        subscribed(ETH, Bar.H1);
        assertTrue(recorder.awaitPushes(BTC, Bar.M1, 3, WAIT));
        assertTrue(recorder.awaitPushes(ETH, Bar.H1, 3, WAIT));
        OkxLiveRecorder.Push push = recorder.pushes().getFirst();
        assertEquals("okx-ws-dispatcher", push.thread());
        Candle c = push.candles().getFirst();
        assertEquals(push.bar().openTime(T0.toEpochMilli()), c.ts());
        assertFalse(c.confirmed());
        assertEquals(1.5, c.vol());
        assertTrue(server.awaitSubscribed("candle1H", "ETH-USDT", WAIT));
        assertEquals(1, server.connectionCount(), "both series on one connection");
        Map<String, Object> conn = feed.connections().getFirst();
        assertEquals("connected", conn.get("state"));
        assertEquals(2L, conn.get("subscriptions"));
        assertTrue(OkxLiveRecorder.poll(() -> feed.connections().getFirst().get("ping_rtt_ms") != null, WAIT));
        assertTrue(feed.counters().get("pushes") >= 6);
        assertEquals(0L, feed.counters().get("reconnects"));
        assertTrue(server.received().stream().anyMatch(r -> r.text().startsWith("{\"id\":\"r")
            && r.text().contains("\"op\":\"subscribe\"")));
    }

    @Test
    void dropAll_reportsDown_thenReconnectsAndResubscribes() throws Exception {
        startFeed(fakeSettings(), s -> s);
        feed.subscribe(BTC, Bar.M1);
        feed.start();
        subscribed(BTC, Bar.M1);
        server.commands().dropAll();
        assertTrue(recorder.await(r -> r.statesOf(BTC, Bar.M1).contains(DOWN), WAIT));
        assertTrue(recorder.await(r -> r.statesOf(BTC, Bar.M1).equals(List.of(SUBSCRIBED, DOWN, SUBSCRIBED)), WAIT),
            () -> "states: " + recorder.states());
        long before = recorder.pushCount(BTC, Bar.M1);
        assertTrue(recorder.awaitPushes(BTC, Bar.M1, before + 3, WAIT));
        assertEquals(1L, feed.counters().get("reconnects"));
        assertEquals(1L, feed.connections().getFirst().get("reconnects"));
        assertEquals(2, server.acceptedConnections());
    }

    @Test
    void closeWith4004_reconnects() throws Exception {
        startFeed(fakeSettings(), s -> s);
        feed.subscribe(BTC, Bar.M1);
        feed.start();
        subscribed(BTC, Bar.M1);
        server.commands().closeAll(4004, "No data received in 30s.");
        assertTrue(recorder.await(r -> r.statesOf(BTC, Bar.M1).equals(List.of(SUBSCRIBED, DOWN, SUBSCRIBED)), WAIT),
            () -> "states: " + recorder.states());
        assertTrue(recorder.states().get(1).detail().contains("4004"), () -> recorder.states().get(1).detail());
    }

    @Test
    void stall_noPong_abortsAndReconnects() throws Exception {
        startFeed(fakeSettings(), s -> s);
        feed.subscribe(BTC, Bar.M1);
        feed.start();
        subscribed(BTC, Bar.M1);
        server.commands().stall();
        assertTrue(recorder.awaitState(BTC, Bar.M1, DOWN, WAIT));
        assertTrue(recorder.states().getLast().detail().contains("no pong"), () -> recorder.states().getLast().detail());
        assertTrue(feed.counters().get("pong_timeouts") >= 1);
        server.commands().release();
        subscribed(BTC, Bar.M1);
        long before = recorder.pushCount(BTC, Bar.M1);
        assertTrue(recorder.awaitPushes(BTC, Bar.M1, before + 2, WAIT));
    }

    @Test
    void silentButAnsweringPong_isStale_andReconnects() throws Exception {
        startFeed(fakeSettings(), s -> s);
        feed.subscribe(BTC, Bar.M1);
        feed.start();
        subscribed(BTC, Bar.M1);
        server.commands().silent();
        assertTrue(recorder.awaitState(BTC, Bar.M1, DOWN, WAIT));
        assertTrue(recorder.states().getLast().detail().contains("no push"), () -> recorder.states().getLast().detail());
        assertTrue(feed.counters().get("stale") >= 1);
        assertEquals(0L, feed.counters().get("pong_timeouts"), "pongs kept coming");
        server.commands().release();
        assertTrue(recorder.await(r -> r.last(BTC, Bar.M1) == SUBSCRIBED && r.pushCount(BTC, Bar.M1) > 0, WAIT));
        long before = recorder.pushCount(BTC, Bar.M1);
        assertTrue(recorder.awaitPushes(BTC, Bar.M1, before + 3, WAIT));
    }

    @Test
    void notice64008_opensTheNewConnectionFirst_andReportsNoDown() throws Exception {
        startFeed(fakeSettings(), s -> s);
        feed.subscribe(BTC, Bar.M1);
        feed.subscribe(ETH, Bar.M1);
        feed.start();
        subscribed(BTC, Bar.M1);
        subscribed(ETH, Bar.M1);
        server.commands().notice64008();
        assertTrue(server.awaitAccepted(2, WAIT), "a second connection");
        assertTrue(server.awaitConnectionCount(1, WAIT), "the old one closed");
        assertTrue(server.awaitSubscribed("candle1m", "BTC-USDT", WAIT));
        assertTrue(server.awaitSubscribed("candle1m", "ETH-USDT", WAIT));
        long before = recorder.pushCount(BTC, Bar.M1);
        assertTrue(recorder.awaitPushes(BTC, Bar.M1, before + 3, WAIT));
        assertEquals(List.of(SUBSCRIBED), recorder.statesOf(BTC, Bar.M1), () -> "states: " + recorder.states());
        assertEquals(List.of(SUBSCRIBED), recorder.statesOf(ETH, Bar.M1));
        assertEquals(1L, feed.counters().get("notices"));
        assertEquals(0L, feed.counters().get("dropped"));
        assertEquals(2, server.acceptedConnections(), "one new connection, no reconnect after the upgrade close");
    }

    @Test
    void garbageOversizedAndSplitFrames_areCounted_andPushesGoOn() throws Exception {
        startFeed(fakeSettings(), s -> s.withBuffers(1024, 16));
        feed.subscribe(BTC, Bar.M1);
        feed.start();
        subscribed(BTC, Bar.M1);
        server.commands().sendGarbage();
        server.commands().fragmentNext(4);
        server.commands().sendToAll("{\"arg\":{\"channel\":\"candle1m\",\"instId\":\"BTC-USDT\"},\"data\":["
            + "[\"1\",\"2\",\"3\",\"1\",\"2\",\"5\",\"6\",\"7\",\"0\"],".repeat(60) + "[]]}");
        assertTrue(OkxLiveRecorder.poll(() -> {
            Map<String, Long> c = feed.counters();
            return c.get("malformed") >= 1 && c.get("unknown_events") >= 1 && c.get("bad_rows") >= 1
                && c.get("binary") >= 1 && c.get("oversized") == 1;
        }, WAIT), () -> "counters: " + feed.counters());
        server.commands().fragmentAll(3);
        long before = recorder.pushCount(BTC, Bar.M1);
        assertTrue(recorder.awaitPushes(BTC, Bar.M1, before + 5, WAIT));
        assertEquals(List.of(SUBSCRIBED), recorder.statesOf(BTC, Bar.M1));
        assertEquals(0L, feed.counters().get("dropped"));
    }

    @Test
    void candlesOnThePublicUrl_areRefused_andRetriedAfterTheCooldown() throws Exception {
        startFeed(fakeSettings(), s -> s.withUrl(server.publicUri()));
        feed.subscribe(BTC, Bar.M1);
        feed.start();
        assertTrue(recorder.awaitState(BTC, Bar.M1, REFUSED, WAIT));
        assertTrue(recorder.states().getFirst().detail().startsWith("60018 "), recorder.states().getFirst().detail());
        assertTrue(OkxLiveRecorder.poll(() -> feed.counters().get("refused") >= 2, WAIT), "retried after the cooldown");
        assertEquals(List.of(REFUSED), recorder.statesOf(BTC, Bar.M1), "a repeated refusal is not reported again");
    }

    @Test
    void unknownInstrument_isRefused_whileItsNeighbourSubscribes() throws Exception {
        startFeed(fakeSettings(), s -> s);
        InstrumentId nope = new InstrumentId("NOPE-USDT");
        feed.subscribe(BTC, Bar.M1);
        feed.subscribe(nope, Bar.M1);
        feed.start();
        subscribed(BTC, Bar.M1);
        assertTrue(recorder.awaitState(nope, Bar.M1, REFUSED, WAIT));
        assertTrue(recorder.awaitPushes(BTC, Bar.M1, 3, WAIT));
        assertEquals(List.of(SUBSCRIBED), recorder.statesOf(BTC, Bar.M1));
    }

    @Test
    void manySeries_spreadOverConnections_withinTheConnectionRate() throws Exception {
        FakeWsSettings fake = fakeSettings().withConnectionLimit(3, Duration.ofSeconds(1));
        startFeed(fake, s -> s.withMaxSubscriptionsPerConnection(2)
            .withReconnect(Duration.ofMillis(50), Duration.ofMillis(400), 3));
        List<String> ids = List.of("BTC-USDT", "ETH-USDT", "SOL-USDT", "XRP-USDT", "DOGE-USDT", "ADA-USDT");
        ids.forEach(id -> feed.subscribe(new InstrumentId(id), Bar.M1));
        feed.subscribe(BTC, Bar.M5);
        feed.start();
        for (String id : ids) {
            subscribed(new InstrumentId(id), Bar.M1);
        }
        subscribed(BTC, Bar.M5);
        assertEquals(4, server.connectionCount());
        assertEquals(4, feed.connections().size());
        assertEquals(0, server.refusedConnections(), "never more than 3 connects per second");
        assertEquals(0L, feed.counters().get("reconnects"));
    }

    @Test
    void unsubscribe_sendsUnsubscribe_andClosesAnEmptyConnection() throws Exception {
        startFeed(fakeSettings(), s -> s);
        feed.subscribe(BTC, Bar.M1);
        feed.subscribe(ETH, Bar.M1);
        feed.start();
        subscribed(BTC, Bar.M1);
        subscribed(ETH, Bar.M1);
        feed.unsubscribe(BTC, Bar.M1);
        assertTrue(server.awaitUnsubscribed("candle1m", "BTC-USDT", WAIT));
        assertEquals(1, server.connectionCount());
        feed.unsubscribe(ETH, Bar.M1);
        assertTrue(server.awaitConnectionCount(0, WAIT), "no series left: the connection closes");
        assertTrue(OkxLiveRecorder.poll(() -> feed.connections().isEmpty(), WAIT));
        assertEquals(List.of(SUBSCRIBED), recorder.statesOf(BTC, Bar.M1));
    }

    @Test
    void refusedConnects_reportDown_untilTheServerTakesThemAgain() throws Exception {
        startFeed(fakeSettings(), s -> s);
        server.commands().refuse(FakeOkxWebSocket.Refusal.HTTP_503);
        feed.subscribe(BTC, Bar.M1);
        feed.start();
        assertTrue(recorder.awaitState(BTC, Bar.M1, DOWN, WAIT));
        assertTrue(recorder.states().getFirst().detail().contains("503"), recorder.states().getFirst().detail());
        assertTrue(server.awaitAccepted(0, WAIT));
        assertTrue(OkxLiveRecorder.poll(() -> server.refusedConnections() >= 2, WAIT), "tried again");
        server.commands().release();
        subscribed(BTC, Bar.M1);
        assertNotNull(feed.connections().getFirst().get("last_message_at"));
    }

    @Test
    void close_stopsEveryThreadItStarted_andClosesTheSockets() throws Exception {
        Set<Long> before = platformThreads().keySet();
        startFeed(fakeSettings(), s -> s);
        feed.subscribe(BTC, Bar.M1);
        feed.start();
        subscribed(BTC, Bar.M1);
        assertTrue(platformThreads().values().containsAll(List.of("okx-ws-dispatcher", "okx-ws-timer")));
        feed.close();
        assertTrue(feed.stopped());
        Map<Long, String> after = platformThreads();
        after.keySet().removeAll(before);
        assertTrue(after.values().stream().noneMatch(n -> n.startsWith("okx-ws") || n.startsWith("HttpClient")),
            () -> "threads left: " + after);
        String dump = threadDump();
        assertFalse(dump.contains("\"okx-ws-"), () -> "no virtual thread of the feed either: "
            + dump.lines().filter(l -> l.contains("\"okx-ws-")).toList());
        assertTrue(server.awaitConnectionCount(0, WAIT));
        long pushes = recorder.pushes().size();
        feed.subscribe(ETH, Bar.M1); // ignored after close
        assertEquals(pushes, recorder.pushes().size());
    }

    private static Map<Long, String> platformThreads() {
        Map<Long, String> m = new java.util.HashMap<>();
        Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).forEach(t -> m.put(t.threadId(), t.getName()));
        return m;
    }

    /** A dump that lists virtual threads too, which {@link Thread#getAllStackTraces()} leaves out (PITFALLS). */
    private static String threadDump() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("okx-ws-dump");
        java.nio.file.Path file = dir.resolve("threads.txt");
        try {
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                .dumpThreads(file.toString(), com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            return java.nio.file.Files.readString(file);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.deleteIfExists(dir);
        }
    }
}
