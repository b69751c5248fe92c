package okxstore.fake.ws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import okxstore.fake.ws.FakeOkxWebSocket.Refusal;
import okxstore.fake.ws.WsProbe.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake's timers, limits and misbehaviour commands, driven by the JDK's WebSocket client. */
class FakeOkxWebSocketMisbehaviourTest {

    private static final Duration WAIT = WsProbe.WAIT;
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final String SUBSCRIBE_BTC_1M =
        "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"candle1m\",\"instId\":\"BTC-USDT\"}]}";

    private static HttpClient client;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-09-15T10:00:30Z"));
    private FakeOkxWebSocket server;

    @BeforeAll
    static void startClient() {
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stopClient() {
        client.shutdownNow();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
            assertEquals(0, server.liveThreads(), "threads left after close()");
        }
    }

    private FakeOkxWebSocket start(FakeWsSettings settings) throws Exception {
        server = FakeOkxWebSocket.start(PushSource.synthetic(Set.of("BTC-USDT")), clock, settings);
        return server;
    }

    private static FakeWsSettings fast() {
        return FakeWsSettings.defaults().withPushInterval(Duration.ofMillis(20))
            .withConnectionLimit(100, Duration.ofSeconds(1)).withCloseGrace(Duration.ofMillis(300));
    }

    @Test
    void silenceInBothDirections_closesWith4004() throws Exception {
        start(fast().withIdleTimeout(Duration.ofMillis(150)));
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            Event.Closed closed = probe.next(Event.Closed.class, c -> true);
            assertEquals(4004, closed.code());
            assertEquals("No data received in 30s.", closed.reason());
            assertTrue(server.awaitConnectionCount(0, WAIT));
        }
    }

    @Test
    void pushesAlone_keepAConnectionOpen() throws Exception {
        start(fast().withIdleTimeout(Duration.ofMillis(150)));
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            probe.send(SUBSCRIBE_BTC_1M);
            long pushes = server.pushesSent();
            assertTrue(server.awaitPushes(pushes + 20, WAIT)); // 20 x 20 ms, well past the idle timeout
            assertNull(probe.poll(Event.Closed.class, c -> true, Duration.ZERO));
            assertEquals(1, server.connectionCount());
        }
    }

    @Test
    void dropAll_endsEveryConnectionWithoutACloseFrame() throws Exception {
        start(fast());
        try (WsProbe a = WsProbe.connect(client, server.businessUri());
                WsProbe b = WsProbe.connect(client, server.publicUri())) {
            assertTrue(server.awaitConnectionCount(2, WAIT));
            server.commands().dropAll();
            for (WsProbe probe : new WsProbe[] {a, b}) {
                Event end = probe.next(Event.class, e -> e instanceof Event.Failed || e instanceof Event.Closed);
                if (end instanceof Event.Closed closed) {
                    assertEquals(1006, closed.code()); // abnormal: no close frame came
                }
            }
            assertEquals(0, server.connectionCount());
        }
    }

    @Test
    void stall_answersNothingUntilReleased() throws Exception {
        start(fast());
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            probe.send(SUBSCRIBE_BTC_1M);
            probe.nextText("\"data\"");
            server.commands().stall();
            long pushes = server.pushesSent();
            probe.send("ping");
            probe.socket().sendPing(ByteBuffer.wrap(new byte[] {7})).join();
            assertNull(probe.poll(Event.class, WsProbe::isPong, QUIET));
            assertFalse(server.awaitPushes(pushes + 2, Duration.ZERO), "pushes kept coming"); // 1 may be in flight
            server.commands().release();
            probe.send("ping");
            probe.nextText("pong");
            probe.nextText("\"data\"");
        }
    }

    @Test
    void silent_stopsPushes_butStillAnswersPing() throws Exception {
        start(fast());
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            probe.send(SUBSCRIBE_BTC_1M);
            probe.nextText("\"data\"");
            server.commands().silent();
            long pushes = server.pushesSent();
            assertFalse(server.awaitPushes(pushes + 2, QUIET), "pushes kept coming"); // 1 may be in flight
            probe.send("ping");
            assertEquals("pong", probe.nextText("pong"));
            server.commands().release();
            probe.nextText("\"data\"");
        }
    }

    @Test
    void notice64008_thenCloseAfterTheDelay() throws Exception {
        start(fast().withNoticeCloseDelay(Duration.ofMillis(100)));
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            assertTrue(server.awaitConnectionCount(1, WAIT));
            String connId = server.connections().getFirst().connId();
            server.commands().notice64008();
            assertEquals("{\"event\":\"notice\",\"code\":\"64008\",\"msg\":\"The connection will soon be closed for a"
                + " service upgrade. Please reconnect.\",\"connId\":\"" + connId + "\"}", probe.nextText("notice"));
            assertEquals(1001, probe.next(Event.Closed.class, c -> true).code());
            assertTrue(server.awaitConnectionCount(0, WAIT));
        }
    }

    @Test
    void sendGarbage_deliversMalformedMessages() throws Exception {
        start(fast());
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            assertTrue(server.awaitConnectionCount(1, WAIT));
            server.commands().sendGarbage();
            assertEquals("{not json", probe.nextText("{not json"));
            assertEquals("{\"event\":\"weird\"}", probe.nextText("weird"));
            String push = probe.nextText("\"data\"");
            assertEquals(8, push.substring(push.indexOf("[[")).split(",").length, push);
            assertArrayEquals(new byte[] {(byte) 0x80, 0, 0x7F, 1}, probe.next(Event.Binary.class, b -> true).bytes());
            probe.send("ping");
            probe.nextText("pong");
        }
    }

    @Test
    void fragmentNext_splitsTheNextMessageOnly() throws Exception {
        start(fast());
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            assertTrue(server.awaitConnectionCount(1, WAIT));
            server.commands().fragmentNext(3);
            server.commands().sendToAll("{\"event\":\"fragmented\",\"msg\":\"abcdefghij\"}");
            Event.Text text = probe.next(Event.Text.class, t -> t.text().contains("fragmented"));
            assertEquals("{\"event\":\"fragmented\",\"msg\":\"abcdefghij\"}", text.text());
            assertTrue(text.parts() >= 3, "parts: " + text.parts());
            probe.send("ping");
            assertEquals(1, probe.next(Event.Text.class, t -> t.text().equals("pong")).parts());
        }
    }

    @Test
    void connectionsOverTheRateLimit_get429() throws Exception {
        start(fast().withConnectionLimit(3, Duration.ofSeconds(30)));
        try (WsProbe a = WsProbe.connect(client, server.businessUri());
                WsProbe b = WsProbe.connect(client, server.businessUri());
                WsProbe c = WsProbe.connect(client, server.businessUri())) {
            assertTrue(a.socket() != b.socket() && b.socket() != c.socket());
            ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.newWebSocketBuilder().buildAsync(server.businessUri(), new WsProbe()).get());
            assertEquals(429, assertInstanceOf(WebSocketHandshakeException.class, e.getCause())
                .getResponse().statusCode());
            assertEquals(3, server.acceptedConnections());
            assertEquals(1, server.refusedConnections());
        }
    }

    @Test
    void refuse_turnsConnectionsAway_untilReleased() throws Exception {
        start(fast());
        server.commands().refuse(Refusal.CLOSE_SOCKET);
        assertThrows(ExecutionException.class,
            () -> client.newWebSocketBuilder().buildAsync(server.businessUri(), new WsProbe()).get());
        long refused = server.refusedConnections();
        assertTrue(refused >= 1, "the JDK client retries a GET once on a closed connection");
        server.commands().refuse(Refusal.HTTP_503);
        ExecutionException e = assertThrows(ExecutionException.class,
            () -> client.newWebSocketBuilder().buildAsync(server.businessUri(), new WsProbe()).get());
        assertEquals(503, assertInstanceOf(WebSocketHandshakeException.class, e.getCause())
            .getResponse().statusCode());
        assertEquals(refused + 1, server.refusedConnections());
        assertEquals(0, server.acceptedConnections());
        server.commands().release();
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            assertNotNull(probe.socket());
        }
    }

    @Test
    void refuseForAPeriod_endsByItself() throws Exception {
        start(fast());
        server.commands().refuse(Refusal.HTTP_503, Duration.ofMillis(100));
        assertThrows(ExecutionException.class,
            () -> client.newWebSocketBuilder().buildAsync(server.businessUri(), new WsProbe()).get());
        Thread.sleep(150); // the refusal runs on real time by design
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            assertNotNull(probe.socket());
            assertEquals(1, server.acceptedConnections());
        }
    }
}
