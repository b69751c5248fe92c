package okxstore.fake.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import okxstore.fake.ws.WsProbe.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's RFC 6455 and OKX protocol behaviour, driven by the JDK's WebSocket client. */
class FakeOkxWebSocketTest {

    private static final Duration WAIT = WsProbe.WAIT;
    private static final Instant T0 = Instant.parse("2026-09-15T10:00:30Z");
    private static final String BTC_1M = "{\"channel\":\"candle1m\",\"instId\":\"BTC-USDT\"}";

    private static HttpClient client;
    private final ManualClock clock = new ManualClock(T0);
    private FakeOkxWebSocket server;

    @BeforeAll
    static void startClient() {
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stopClient() {
        client.shutdownNow();
    }

    @BeforeEach
    void startServer() throws Exception {
        FakeWsSettings settings = FakeWsSettings.defaults().withPushInterval(Duration.ofMillis(20))
            .withConnectionLimit(100, Duration.ofSeconds(1)).withRequestLimit(3, Duration.ofHours(1));
        server = FakeOkxWebSocket.start(PushSource.synthetic(Set.of("BTC-USDT", "ETH-USDT")), clock, settings);
    }

    @AfterEach
    void stopServer() {
        server.close();
        assertEquals(0, server.liveThreads(), "threads left after close()");
    }

    @Test
    void handshake_onBusiness_opensAConnection() throws Exception {
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            assertTrue(server.awaitConnectionCount(1, WAIT));
            assertFalse(probe.socket().isInputClosed());
            assertEquals(1, server.acceptedConnections());
            assertEquals("/ws/v5/business", server.connections().getFirst().path());
            assertEquals(8, server.connections().getFirst().connId().length());
        }
    }

    @Test
    void handshake_onUnknownPath_is404() {
        URI wrong = URI.create("ws://127.0.0.1:" + server.port() + "/ws/v5/privatex");
        ExecutionException e = assertThrows(ExecutionException.class,
            () -> client.newWebSocketBuilder().buildAsync(wrong, new WsProbe()).get());
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        assertEquals(404, handshake.getResponse().statusCode());
        assertEquals(0, server.acceptedConnections());
    }

    @Test
    void subscribe_acksEachArg_withIdAndConnId() throws Exception {
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            probe.send("{\"id\":\"req1\",\"op\":\"subscribe\",\"args\":[" + BTC_1M
                + ",{\"channel\":\"candle1H\",\"instId\":\"ETH-USDT\"}]}");
            String connId = server.connections().getFirst().connId();
            assertEquals("{\"id\":\"req1\",\"event\":\"subscribe\",\"arg\":" + BTC_1M + ",\"connId\":\"" + connId
                + "\"}", probe.nextText("\"event\":\"subscribe\""));
            assertTrue(probe.nextText("\"event\":\"subscribe\"").contains("\"candle1H\""));
            assertTrue(server.awaitSubscribed("candle1H", "ETH-USDT", WAIT));
            assertEquals(Set.of(new Subscription("candle1m", "BTC-USDT"), new Subscription("candle1H", "ETH-USDT")),
                server.connections().getFirst().subscriptions());
        }
    }

    @Test
    void candleOnPublic_gets60018_likeTheRealCapture() throws Exception {
        try (WsProbe probe = WsProbe.connect(client, server.publicUri())) {
            probe.send("{\"op\":\"subscribe\",\"args\":[" + BTC_1M + "]}");
            String connId = server.connections().getFirst().connId();
            assertEquals("{\"event\":\"error\",\"msg\":\"Subscribe failed, wrong URL or channel:candle1m,"
                + "instId:BTC-USDT doesn't exist. Please use the correct URL, channel and parameters referring"
                + " to API document.\",\"code\":\"60018\",\"connId\":\"" + connId + "\"}", probe.nextText("error"));
            assertTrue(server.subscriptions().isEmpty());
        }
    }

    @Test
    void unknownInstrument_gets60018_andGoodArgsStillAck() throws Exception {
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            probe.send("{\"op\":\"subscribe\",\"args\":[{\"channel\":\"candle1m\",\"instId\":\"NOPE-USDT\"},"
                + BTC_1M + "]}");
            assertTrue(probe.nextText("\"code\":\"60018\"").contains("instId:NOPE-USDT"));
            assertTrue(probe.nextText("\"event\":\"subscribe\"").contains("BTC-USDT"));
        }
    }

    @Test
    void invalidJsonOrOp_gets60012_echoingTheRequest() throws Exception {
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            probe.send("{\"op\": \"subscribe\", \"argss\":[]}");
            assertTrue(probe.nextText("60012").contains("\"msg\":\"Invalid request: {\\\"op\\\": \\\"subscribe\\\""));
            probe.send("{\"op\":\"dance\",\"args\":[" + BTC_1M + "]}");
            assertTrue(probe.nextText("60012").contains("dance"));
            probe.send("{not json");
            probe.nextText("60012");
        }
    }

    @Test
    void requestOver64KB_gets60012_throughLongFramesBothWays() throws Exception {
        String padding = "x".repeat(70_000);
        String request = "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"candle1m\",\"instId\":\"" + padding + "\"}]}";
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            probe.send(request);
            String error = probe.nextText("60012");
            assertTrue(error.length() > 70_000 && error.contains(padding));
            probe.send("{\"op\":\"subscribe\",\"args\":[{\"channel\":\"candle1m\",\"instId\":\"" + "y".repeat(300)
                + "\"}]}");
            assertTrue(probe.nextText("60018").contains("y".repeat(300)));
        }
    }

    @Test
    void textPing_getsTextPong_andControlPing_getsPong() throws Exception {
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            probe.send("ping");
            assertEquals("pong", probe.nextText("pong"));
            probe.socket().sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3})).join();
            assertEquals(3, probe.next(Event.Pong.class, p -> true).payload().length);
        }
    }

    @Test
    void fragmentedClientMessage_isReassembled() throws Exception {
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            String request = "{\"id\":\"frag\",\"op\":\"subscribe\",\"args\":[" + BTC_1M + "]}";
            probe.sendFragmented(request, 5, 20, 40);
            assertTrue(probe.nextText("\"event\":\"subscribe\"").contains("\"id\":\"frag\""));
            assertEquals(request, server.received().getLast().text());
        }
    }

    @Test
    void pushes_carryTheFormingBar_thenOneConfirmAtPeriodEnd() throws Exception {
        long bar0 = Instant.parse("2026-09-15T10:00:00Z").toEpochMilli();
        long bar1 = bar0 + 60_000;
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            probe.send("{\"op\":\"subscribe\",\"args\":[" + BTC_1M + "]}");
            probe.nextText("\"event\":\"subscribe\"");
            String first = probe.nextText("\"data\"");
            assertTrue(first.startsWith("{\"arg\":" + BTC_1M + ",\"data\":[[\"" + bar0 + "\","), first);
            assertTrue(first.endsWith(",\"0\"]]}"), first);
            clock.advance(Duration.ofSeconds(60));
            String confirm = probe.nextText(",\"1\"]]}");
            assertTrue(confirm.contains("[[\"" + bar0 + "\","), confirm);
            long pushesBefore = server.pushesSent();
            assertTrue(server.awaitPushes(pushesBefore + 5, WAIT));
            for (Event e : probe.drain()) {
                String text = ((Event.Text) e).text();
                assertTrue(text.contains("[[\"" + bar1 + "\",") && text.endsWith(",\"0\"]]}"), text);
            }
        }
    }

    @Test
    void unsubscribe_acks_andPushesStop() throws Exception {
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            probe.send("{\"op\":\"subscribe\",\"args\":[" + BTC_1M + "]}");
            probe.nextText("\"data\"");
            probe.send("{\"op\":\"unsubscribe\",\"args\":[" + BTC_1M + "]}");
            assertTrue(probe.nextText("\"event\":\"unsubscribe\"").contains(BTC_1M));
            assertTrue(server.awaitUnsubscribed("candle1m", "BTC-USDT", WAIT));
            probe.drain();
            assertNull(probe.poll(Event.Text.class, t -> true, Duration.ofMillis(150)));
        }
    }

    @Test
    void requestsOverTheLimit_get60014() throws Exception {
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            for (int i = 0; i < 3; i++) {
                probe.send("{\"id\":\"r" + i + "\",\"op\":\"subscribe\",\"args\":[" + BTC_1M + "]}");
                probe.nextText("\"id\":\"r" + i + "\"");
            }
            probe.send("{\"id\":\"r3\",\"op\":\"unsubscribe\",\"args\":[" + BTC_1M + "]}");
            String error = probe.nextText("\"id\":\"r3\"");
            assertTrue(error.contains("\"msg\":\"Requests too frequent.\",\"code\":\"60014\""), error);
            probe.send("ping");
            probe.nextText("pong");
        }
    }

    @Test
    void clientClose_isEchoed_andTheConnectionEnds() throws Exception {
        try (WsProbe probe = WsProbe.connect(client, server.businessUri())) {
            assertTrue(server.awaitConnectionCount(1, WAIT));
            probe.socket().sendClose(4321, "bye").join();
            assertEquals(4321, probe.next(Event.Closed.class, c -> true).code());
            assertTrue(server.awaitConnectionCount(0, WAIT));
        }
    }
}
