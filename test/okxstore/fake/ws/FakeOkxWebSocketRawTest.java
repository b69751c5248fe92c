package okxstore.fake.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only a byte-level client can check: bad requests, extension offers, client masking. */
class FakeOkxWebSocketRawTest {

    private FakeOkxWebSocket server;

    @BeforeEach
    void startServer() throws Exception {
        server = FakeOkxWebSocket.start(PushSource.synthetic(Set.of("BTC-USDT")),
            new ManualClock(Instant.parse("2026-09-15T10:00:00Z")), FakeWsSettings.defaults());
    }

    @AfterEach
    void stopServer() {
        server.close();
        assertEquals(0, server.liveThreads());
    }

    @Test
    void plainHttpRequest_is400() throws Exception {
        try (RawWsClient raw = new RawWsClient(server.port())) {
            String head = raw.request("GET /ws/v5/business HTTP/1.1", "Host: 127.0.0.1");
            assertTrue(head.startsWith("HTTP/1.1 400 "), head);
        }
    }

    @Test
    void upgrade_answers101_withTheAcceptKey_andNoExtension() throws Exception {
        try (RawWsClient raw = new RawWsClient(server.port())) {
            String head = raw.upgrade("/ws/v5/business");
            assertTrue(head.startsWith("HTTP/1.1 101 "), head);
            assertTrue(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), head);
            assertFalse(head.toLowerCase().contains("sec-websocket-extensions"), head);
        }
    }

    @Test
    void unmaskedClientFrame_getsClose1002_thenTheSocketEnds() throws Exception {
        try (RawWsClient raw = new RawWsClient(server.port())) {
            raw.upgrade("/ws/v5/business");
            raw.writeFrame(true, WsFrames.TEXT, "ping".getBytes(StandardCharsets.US_ASCII), null);
            WsFrames.Frame close = raw.readFrame();
            assertEquals(WsFrames.CLOSE, close.opcode());
            assertEquals(1002, WsFrames.parseClose(close.payload()).code());
            assertTrue(raw.readsEof());
        }
    }

    @Test
    void pingBetweenFragments_isAnswered_andTheMessageStillArrives() throws Exception {
        byte[] mask = {9, 8, 7, 6};
        try (RawWsClient raw = new RawWsClient(server.port())) {
            raw.upgrade("/ws/v5/business");
            raw.writeFrame(false, WsFrames.TEXT, "pi".getBytes(StandardCharsets.US_ASCII), mask);
            raw.writeFrame(true, WsFrames.PING, new byte[] {42}, mask);
            raw.writeFrame(true, WsFrames.CONTINUATION, "ng".getBytes(StandardCharsets.US_ASCII), mask);
            WsFrames.Frame pong = raw.readFrame();
            assertEquals(WsFrames.PONG, pong.opcode());
            assertEquals(42, pong.payload()[0]);
            WsFrames.Frame text = raw.readFrame();
            assertEquals("pong", new String(text.payload(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void close_endsAHandshakeInProgress_withoutWaitingForIt() throws Exception {
        try (RawWsClient raw = new RawWsClient(server.port())) {
            raw.writeRaw("GET /ws/v5/business HTTP/1.1\r\nHost: 127".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            server.close();
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "close() waited for the handshake timeout");
            assertTrue(raw.readsEof());
        }
    }
}
