package okxstore.okx;

import static okxstore.candle.LiveFeed.SeriesState.DOWN;
import static okxstore.candle.LiveFeed.SeriesState.REFUSED;
import static okxstore.candle.LiveFeed.SeriesState.SUBSCRIBED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import org.junit.jupiter.api.Test;

/** The connection state machine on a manual clock: subscribe, keepalive, health, reconnect, handover. */
class WsLifecycleTest {

    private static final InstrumentId BTC = new InstrumentId("BTC-USDT");
    private static final InstrumentId ETH = new InstrumentId("ETH-USDT");

    private final WsHarness h = new WsHarness(WsHarness.settings());

    private void connected() {
        h.subscribe("BTC-USDT", Bar.M1);
        h.subscribe("ETH-USDT", Bar.M1);
        h.open(0);
        h.receive(0, "pong"); // the ping sent on open
        h.ackAll(0);
    }

    @Test
    void seriesDeclaredTogether_goOutInOneRequest_andAcksReportSubscribed() {
        h.subscribe("BTC-USDT", Bar.M1);
        h.subscribe("ETH-USDT", Bar.H1);
        assertEquals(1, h.sockets.size(), "one connection opened");
        WsScriptedWebSocket wire = h.open(0);
        assertEquals(List.of("BTC-USDT/candle1m", "ETH-USDT/candle1H"), h.args(0, "subscribe"));
        assertEquals(1, h.requests(0, "subscribe").size());
        assertEquals("ping", wire.sent().getFirst(), "a first ping measures the round trip");
        h.ackAll(0);
        assertEquals(List.of(SUBSCRIBED), h.recorder.statesOf(BTC, Bar.M1));
        assertEquals(List.of(SUBSCRIBED), h.recorder.statesOf(ETH, Bar.H1));
        h.receive(0, WsHarness.push("candle1m", "BTC-USDT", "1"));
        assertEquals(1, h.recorder.pushCount(BTC, Bar.M1));
        assertTrue(h.recorder.pushes().getFirst().candles().getFirst().confirmed());
        assertEquals(1L, h.counters.pushes.sum());
    }

    @Test
    void everyMessage_requestsTheNextOneOnlyAfterItIsQueued() {
        connected();
        long before = h.wire(0).requested();
        h.receive(0, WsHarness.push("candle1m", "BTC-USDT", "0"));
        h.receive(0, "pong");
        assertEquals(before + 2, h.wire(0).requested());
    }

    @Test
    void silence_sendsPing_andAPongKeepsTheConnection() {
        connected();
        assertTrue(h.sockets.get(0).pingRttMs() >= 0);
        h.receive(0, WsHarness.push("candle1m", "BTC-USDT", "0"));
        h.tick(999);
        assertEquals(1, h.wire(0).sent("ping").size());
        h.tick(1);
        assertEquals(2, h.wire(0).sent("ping").size());
        h.tick(300);
        h.receive(0, "pong");
        h.tick(400);
        assertFalse(h.wire(0).aborted());
        assertEquals(300L, h.sockets.get(0).pingRttMs());
    }

    @Test
    void noPong_abortsTheSocket_reportsDown_andReconnectsWithBackoff() {
        connected();
        h.tick(1000);
        assertEquals(2, h.wire(0).sent("ping").size());
        h.tick(499);
        assertFalse(h.wire(0).aborted());
        h.tick(1);
        assertTrue(h.wire(0).aborted(), "no pong within 500 ms");
        assertEquals(List.of(SUBSCRIBED, DOWN), h.recorder.statesOf(BTC, Bar.M1));
        assertTrue(h.recorder.states().getLast().detail().contains("no pong within 500 ms"));
        assertEquals(1, h.sockets.size(), "not before the back-off");
        h.tick(99);
        assertEquals(1, h.sockets.size());
        for (int i = 0; i < 10 && h.sockets.size() == 1; i++) {
            h.tick(10);
        }
        assertEquals(2, h.sockets.size(), "reconnected within [min, 2 min]");
        h.open(1);
        assertEquals(List.of("BTC-USDT/candle1m", "ETH-USDT/candle1m"), h.args(1, "subscribe"));
        h.ackAll(1);
        assertEquals(List.of(SUBSCRIBED, DOWN, SUBSCRIBED), h.recorder.statesOf(BTC, Bar.M1));
        assertEquals(1L, h.counters.reconnects.sum());
        assertEquals(1L, h.counters.pongTimeouts.sum());
    }

    @Test
    void subscribedButSilent_isStale_evenWhilePongsCome() {
        connected();
        for (int i = 0; i < 6; i++) {
            h.tick(500);
            h.receive(0, "pong");
        }
        assertTrue(h.wire(0).aborted());
        assertEquals(DOWN, h.recorder.last(BTC, Bar.M1));
        assertTrue(h.recorder.states().getLast().detail().contains("no push on any channel"));
        assertEquals(1L, h.counters.stale.sum());
    }

    @Test
    void oneChannelPushing_keepsTheWholeConnectionHealthy() {
        connected();
        for (int i = 0; i < 10; i++) {
            h.tick(500);
            h.receive(0, "pong");
            h.receive(0, WsHarness.push("candle1m", "ETH-USDT", "0"));
        }
        assertFalse(h.wire(0).aborted());
        assertEquals(List.of(SUBSCRIBED), h.recorder.statesOf(BTC, Bar.M1));
    }

    @Test
    void serverClose_reportsDownWithTheCode_andResubscribesEverything() {
        connected();
        h.closeByServer(0, 4004, "No data received in 30s.");
        assertEquals(DOWN, h.recorder.last(ETH, Bar.M1));
        assertTrue(h.recorder.states().getLast().detail().contains("4004 No data received in 30s."));
        h.tick(300);
        h.open(1);
        assertEquals(2, h.args(1, "subscribe").size());
    }

    @Test
    void failedConnects_backOffLonger_eachTime_withinTheMax() {
        h.subscribe("BTC-USDT", Bar.M1);
        long last = 0;
        for (int i = 0; i < 8; i++) {
            long start = h.clock.millis();
            h.failConnect(i);
            while (h.sockets.size() == i + 1) {
                h.tick(10);
            }
            long waited = h.clock.millis() - start;
            assertTrue(waited >= 100 && waited <= 1010, "waited " + waited);
            if (i < 3) {
                assertTrue(waited >= last, "back-off grows: " + waited + " after " + last);
            }
            last = waited;
        }
        assertEquals(List.of(DOWN), h.recorder.statesOf(BTC, Bar.M1), "DOWN once, not on every attempt");
    }

    @Test
    void connects_neverExceedTheRatePerSecond_countedUntilASecondAfterTheirHandshake() {
        WsHarness small = new WsHarness(WsHarness.settings().withMaxSubscriptionsPerConnection(1));
        for (String id : List.of("A-USDT", "B-USDT", "C-USDT", "D-USDT", "E-USDT")) {
            small.subscribe(id, Bar.M1);
        }
        assertEquals(3, small.sockets.size(), "3 connects at once");
        small.tick(2000);
        assertEquals(3, small.sockets.size(), "handshakes still running count, however long they take");
        small.open(0);
        small.open(1);
        small.failConnect(2);
        small.tick(999);
        assertEquals(3, small.sockets.size());
        small.tick(1);
        assertEquals(6, small.sockets.size(), "a second after the handshakes ended: D, E and C's retry");
        assertEquals(5, small.feed.connections.size());
    }

    @Test
    void refusal_reportsRefused_andRetriesAfterTheCooldown() {
        h.subscribe("BTC-USDT", Bar.M1);
        h.open(0);
        String id = (String) h.requests(0, "subscribe").getFirst().get("id");
        h.receive(0, "{\"id\":\"" + id + "\",\"event\":\"error\",\"msg\":\"Subscribe failed\",\"code\":\"60018\"}");
        assertEquals(List.of(REFUSED), h.recorder.statesOf(BTC, Bar.M1));
        assertEquals("60018 Subscribe failed", h.recorder.states().getLast().detail());
        assertTrue(h.feed.connections.isEmpty(), "a connection left without series closes");
        h.tick(1999);
        assertEquals(1, h.sockets.size());
        h.tick(1);
        assertEquals(2, h.sockets.size(), "asked again after the cooldown");
        h.open(1);
        assertEquals(List.of("BTC-USDT/candle1m"), h.args(1, "subscribe"));
        h.ackAll(1);
        assertEquals(List.of(REFUSED, SUBSCRIBED), h.recorder.statesOf(BTC, Bar.M1));
    }

    @Test
    void errorWithoutId_findsItsSeriesByTheNameInItsText() {
        connected();
        h.subscribe("NOPE-USDT", Bar.M1);
        h.subscribe("SOL-USDT", Bar.M1);
        h.receive(0, "{\"event\":\"error\",\"msg\":\"Subscribe failed, wrong URL or channel:candle1m,instId:NOPE-USDT"
            + " doesn't exist.\",\"code\":\"60018\",\"connId\":\"25ebf8bb\"}");
        assertEquals(REFUSED, h.recorder.last(new InstrumentId("NOPE-USDT"), Bar.M1));
        h.ackAll(0);
        assertEquals(SUBSCRIBED, h.recorder.last(new InstrumentId("SOL-USDT"), Bar.M1));
    }

    @Test
    void noAnswerToASubscribe_countsAsRefused() {
        h.subscribe("BTC-USDT", Bar.M1);
        h.open(0);
        h.receive(0, "pong");
        for (int i = 0; i < 10; i++) {
            h.tick(500);
            h.receive(0, "pong");
        }
        assertEquals(List.of(REFUSED), h.recorder.statesOf(BTC, Bar.M1));
        assertTrue(h.recorder.states().getLast().detail().contains("no answer to subscribe"));
    }

    @Test
    void unsubscribe_whileTheSubscribeIsUnanswered_isSentOnce() {
        h.subscribe("BTC-USDT", Bar.M1);
        h.subscribe("ETH-USDT", Bar.M1);
        h.open(0);
        h.receive(0, "pong");
        h.unsubscribe("BTC-USDT", Bar.M1);
        assertEquals(List.of("BTC-USDT/candle1m"), h.args(0, "unsubscribe"));
        h.ackAll(0);
        assertEquals(List.of("BTC-USDT/candle1m"), h.args(0, "unsubscribe"), "the late ack asks for nothing more");
        assertEquals(List.of(), h.recorder.statesOf(BTC, Bar.M1));
        h.receive(0, WsHarness.push("candle1m", "BTC-USDT", "0"));
        assertEquals(0, h.recorder.pushCount(BTC, Bar.M1), "pushes of a withdrawn series are dropped");
    }

    @Test
    void lastSeriesWithdrawn_closesTheConnection() {
        connected();
        h.unsubscribe("BTC-USDT", Bar.M1);
        h.unsubscribe("ETH-USDT", Bar.M1);
        assertEquals(1000, h.wire(0).closeCode());
        assertTrue(h.feed.connections.isEmpty());
        h.tick(300);
        assertTrue(h.wire(0).aborted(), "aborted when the close handshake does not finish in time");
    }

    @Test
    void notice64008_subscribesANewSocketFirst_thenClosesTheOld() {
        connected();
        h.receive(0, "{\"event\":\"notice\",\"code\":\"64008\",\"msg\":\"The connection will soon be closed for a service"
            + " upgrade. Please reconnect.\",\"connId\":\"a4d3ae55\"}");
        assertEquals(2, h.sockets.size(), "a new socket at once");
        h.open(1);
        assertEquals(2, h.args(1, "subscribe").size());
        assertEquals(-1, h.wire(0).closeCode(), "the old one stays until the new one is acknowledged");
        h.ackAll(1);
        assertEquals(1000, h.wire(0).closeCode());
        assertEquals(List.of(SUBSCRIBED), h.recorder.statesOf(BTC, Bar.M1), "no DOWN at all");
        h.receive(0, WsHarness.push("candle1m", "BTC-USDT", "0"));
        assertEquals(0, h.recorder.pushCount(BTC, Bar.M1), "the closing socket is not listened to");
        h.closeByServer(0, 1001, "Service upgrade");
        assertEquals(List.of(SUBSCRIBED), h.recorder.statesOf(BTC, Bar.M1));
        h.receive(1, WsHarness.push("candle1m", "BTC-USDT", "0"));
        assertEquals(1, h.recorder.pushCount(BTC, Bar.M1));
        assertEquals(0L, h.counters.dropped.sum());
    }

    @Test
    void notice64008_oldClosingFirst_downOnlyForWhatTheNewSocketLacks() {
        connected();
        h.receive(0, "{\"event\":\"notice\",\"code\":\"64008\",\"msg\":\"upgrade\"}");
        h.open(1);
        String id = (String) h.requests(1, "subscribe").getFirst().get("id");
        h.receive(1, "{\"id\":\"" + id + "\",\"event\":\"subscribe\",\"arg\":{\"channel\":\"candle1m\",\"instId\":\"BTC-USDT\"}}");
        h.closeByServer(0, 1001, "Service upgrade");
        assertEquals(List.of(SUBSCRIBED), h.recorder.statesOf(BTC, Bar.M1));
        assertEquals(List.of(SUBSCRIBED, DOWN), h.recorder.statesOf(ETH, Bar.M1));
        h.receive(1, "{\"id\":\"" + id + "\",\"event\":\"subscribe\",\"arg\":{\"channel\":\"candle1m\",\"instId\":\"ETH-USDT\"}}");
        assertEquals(List.of(SUBSCRIBED, DOWN, SUBSCRIBED), h.recorder.statesOf(ETH, Bar.M1));
        assertEquals(2, h.sockets.size(), "no reconnect: the new socket carries on");
    }

    @Test
    void requestBudgetNearlyUsed_putsNewSeriesOnAnotherConnection() {
        WsHarness b = new WsHarness(WsHarness.settings().withRequestLimits(10, java.time.Duration.ofHours(1), 4096));
        b.subscribe("A-USDT", Bar.M1);
        b.open(0);
        for (String id : List.of("B-USDT", "C-USDT", "D-USDT", "E-USDT", "F-USDT", "G-USDT", "H-USDT", "I-USDT", "J-USDT")) {
            b.subscribe(id, Bar.M1);
        }
        assertEquals(9, b.requests(0, "subscribe").size(), "one request per declaration, one kept in reserve");
        assertEquals(2, b.sockets.size(), "the tenth series opened another connection");
        b.open(1);
        assertEquals(List.of("J-USDT/candle1m"), b.args(1, "subscribe"));
    }

    @Test
    void largeSubscriptions_areSplitUnderTheByteLimit() {
        WsHarness b = new WsHarness(WsHarness.settings().withRequestLimits(480, java.time.Duration.ofHours(1), 300));
        for (int i = 0; i < 20; i++) {
            b.inbox.control(new WsInput.Subscribe(new InstrumentId("X" + i + "-USDT"), Bar.M1));
        }
        b.pump();
        WsScriptedWebSocket wire = b.open(0);
        assertEquals(20, b.args(0, "subscribe").size());
        assertTrue(b.requests(0, "subscribe").size() > 3);
        assertTrue(wire.sent().stream().allMatch(t -> t.length() <= 300));
    }
}
