package okxstore.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults and validation of the socket settings. */
class WsSettingsTest {

    @Test
    void defaults_areOkxsProductionFigures() {
        WsSettings s = WsSettings.defaults();
        assertEquals(URI.create("wss://ws.okx.com:8443/ws/v5/business"), s.url());
        assertEquals(Duration.ofSeconds(20), s.pingAfter());
        assertEquals(Duration.ofSeconds(5), s.pongTimeout());
        assertEquals(Duration.ofSeconds(45), s.staleAfter());
        assertEquals(3, s.connectsPerSecond());
        assertEquals(480, s.requestsPerWindow());
        assertEquals(Duration.ofHours(1), s.requestWindow());
        assertTrue(s.maxRequestBytes() < 64 * 1024);
        assertEquals(1 << 20, s.maxMessageChars());
        assertEquals(Duration.ofMillis(125), s.tick(), "a quarter of the 500 ms reconnect minimum");
        assertEquals(48, s.requestReserve());
    }

    @Test
    void shortTimings_tickFaster() {
        WsSettings s = WsSettings.defaults().withKeepalive(Duration.ofMillis(200), Duration.ofMillis(200),
            Duration.ofMillis(600));
        assertEquals(Duration.ofMillis(50), s.tick());
    }

    @Test
    void proxy_acceptsHostPortAndTheEnvironmentsUrlForm() {
        assertEquals(InetSocketAddress.createUnresolved("proxy.local", 3128),
            WsSettings.defaults().withProxy("http://proxy.local:3128/").proxyAddress().orElseThrow());
        assertTrue(WsSettings.defaults().withProxy(" ").proxyAddress().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> WsSettings.defaults().withProxy("proxy.local"));
    }

    @Test
    void badValues_nameTheirField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> WsSettings.defaults().withKeepalive(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(45)));
        assertTrue(e.getMessage().contains("pingAfter"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> WsSettings.defaults().withReconnect(Duration.ofSeconds(2), Duration.ofSeconds(1), 3));
        assertTrue(e.getMessage().contains("reconnectMax"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WsSettings.defaults().withMaxSubscriptionsPerConnection(0));
        assertTrue(e.getMessage().contains("maxSubscriptionsPerConnection"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> WsSettings.defaults().withRequestLimits(480, Duration.ofHours(1), 70_000));
        assertTrue(e.getMessage().contains("maxRequestBytes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> WsSettings.defaults().withUrl(URI.create("https://ws.okx.com/ws/v5/business")));
        assertTrue(e.getMessage().contains("ws(s)://"), e.getMessage());
    }
}
