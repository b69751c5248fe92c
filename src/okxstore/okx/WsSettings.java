package okxstore.okx;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@link OkxLiveFeed} talks to OKX's business socket: URL, proxy, keepalive, health, reconnect
 * pacing, OKX's per-connection limits and buffer sizes. Validated on construction, naming the
 * field; {@link #defaults()} gives production values. Immutable.
 *
 * @param url                 the business socket, where candle channels live (API-NOTES §6.1)
 * @param proxy               {@code host:port} of an HTTP proxy, or empty for a direct connection
 * @param pingAfter           silence (nothing received) after which {@code ping} is sent; under OKX's 30 s
 * @param pongTimeout         no {@code pong} this long after a ping: the connection is aborted
 * @param staleAfter          no push on any channel of a subscribed connection this long: unhealthy (§7b)
 * @param reconnectMin        shortest wait before a reconnect (grows with failures, with jitter)
 * @param reconnectMax        longest wait before a reconnect
 * @param connectsPerSecond   new connections per second across the feed (OKX: 3 per IP, §6.5)
 * @param maxSubscriptionsPerConnection channels one connection carries before another is opened
 * @param requestsPerWindow   subscribe/unsubscribe requests per connection and {@code requestWindow} (480/h)
 * @param requestWindow       the window of that budget (1 h)
 * @param maxRequestBytes     largest subscribe request; OKX caps the args at 64 KB (§6.2)
 * @param refusedCooldown     a refused subscription is tried again after this
 * @param ackTimeout          a subscribe without an answer this long counts as refused
 * @param handoverTimeout     after a 64008 notice, the old connection is closed at the latest after this
 * @param connectTimeout      bound on the opening handshake
 * @param closeGrace          a connection we close is aborted if the close handshake takes longer
 * @param maxMessageChars     a longer incoming message is dropped and counted
 * @param queueCapacity       complete messages waiting for the dispatcher; a full queue stops reading
 */
public record WsSettings(URI url, String proxy, Duration pingAfter, Duration pongTimeout, Duration staleAfter,
                         Duration reconnectMin, Duration reconnectMax, int connectsPerSecond,
                         int maxSubscriptionsPerConnection, int requestsPerWindow, Duration requestWindow,
                         int maxRequestBytes, Duration refusedCooldown, Duration ackTimeout,
                         Duration handoverTimeout, Duration connectTimeout, Duration closeGrace,
                         int maxMessageChars, int queueCapacity) {

    public static final URI DEFAULT_URL = URI.create("wss://ws.okx.com:8443/ws/v5/business");
    /** OKX closes a connection silent for 30 s (API-NOTES §6.4); pings must come earlier. */
    static final Duration OKX_IDLE_CLOSE = Duration.ofSeconds(30);
    /** OKX's cap on the args of one request (API-NOTES §6.2); we measure the whole request. */
    static final int OKX_MAX_REQUEST_BYTES = 64 * 1024;

    public WsSettings {
        if (url == null || url.getHost() == null || !("wss".equals(url.getScheme()) || "ws".equals(url.getScheme()))) {
            throw new IllegalArgumentException("okx WebSocket URL must be ws(s)://host[:port]/path: " + url);
        }
        proxy = proxy == null ? "" : proxy.strip();
        if (!proxy.isEmpty()) {
            parseProxy(proxy);
        }
        positive("pingAfter", pingAfter);
        positive("pongTimeout", pongTimeout);
        positive("staleAfter", staleAfter);
        positive("reconnectMin", reconnectMin);
        positive("reconnectMax", reconnectMax);
        positive("requestWindow", requestWindow);
        positive("refusedCooldown", refusedCooldown);
        positive("ackTimeout", ackTimeout);
        positive("handoverTimeout", handoverTimeout);
        positive("connectTimeout", connectTimeout);
        positive("closeGrace", closeGrace);
        if (pingAfter.compareTo(OKX_IDLE_CLOSE) >= 0) {
            throw new IllegalArgumentException("pingAfter must be under OKX's 30 s idle close: " + pingAfter);
        }
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax " + reconnectMax + " is below reconnectMin " + reconnectMin);
        }
        atLeast("connectsPerSecond", connectsPerSecond, 1);
        atLeast("maxSubscriptionsPerConnection", maxSubscriptionsPerConnection, 1);
        atLeast("requestsPerWindow", requestsPerWindow, 1);
        atLeast("maxRequestBytes", maxRequestBytes, 256);
        atLeast("maxMessageChars", maxMessageChars, 1024);
        atLeast("queueCapacity", queueCapacity, 1);
        if (maxRequestBytes > OKX_MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("maxRequestBytes must be at most 65536 (OKX's cap): " + maxRequestBytes);
        }
    }

    /**
     * Production: OKX's business URL, ping after 20 s, pong within 5 s, stale after 45 s, reconnect
     * from 500 ms to 30 s, 3 connects/s, 240 channels per connection, 480 requests/h, 30 s cooldown.
     */
    public static WsSettings defaults() {
        return new WsSettings(DEFAULT_URL, "", Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(45),
            Duration.ofMillis(500), Duration.ofSeconds(30), 3, 240, 480, Duration.ofHours(1),
            OKX_MAX_REQUEST_BYTES - 1024, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofSeconds(1), 1 << 20, 1024);
    }

    public WsSettings withUrl(URI u) {
        return new WsSettings(u, proxy, pingAfter, pongTimeout, staleAfter, reconnectMin, reconnectMax,
            connectsPerSecond, maxSubscriptionsPerConnection, requestsPerWindow, requestWindow, maxRequestBytes,
            refusedCooldown, ackTimeout, handoverTimeout, connectTimeout, closeGrace, maxMessageChars, queueCapacity);
    }

    public WsSettings withProxy(String hostPort) {
        return new WsSettings(url, hostPort, pingAfter, pongTimeout, staleAfter, reconnectMin, reconnectMax,
            connectsPerSecond, maxSubscriptionsPerConnection, requestsPerWindow, requestWindow, maxRequestBytes,
            refusedCooldown, ackTimeout, handoverTimeout, connectTimeout, closeGrace, maxMessageChars, queueCapacity);
    }

    public WsSettings withKeepalive(Duration ping, Duration pong, Duration stale) {
        return new WsSettings(url, proxy, ping, pong, stale, reconnectMin, reconnectMax,
            connectsPerSecond, maxSubscriptionsPerConnection, requestsPerWindow, requestWindow, maxRequestBytes,
            refusedCooldown, ackTimeout, handoverTimeout, connectTimeout, closeGrace, maxMessageChars, queueCapacity);
    }

    public WsSettings withReconnect(Duration min, Duration max, int perSecond) {
        return new WsSettings(url, proxy, pingAfter, pongTimeout, staleAfter, min, max,
            perSecond, maxSubscriptionsPerConnection, requestsPerWindow, requestWindow, maxRequestBytes,
            refusedCooldown, ackTimeout, handoverTimeout, connectTimeout, closeGrace, maxMessageChars, queueCapacity);
    }

    public WsSettings withMaxSubscriptionsPerConnection(int max) {
        return new WsSettings(url, proxy, pingAfter, pongTimeout, staleAfter, reconnectMin, reconnectMax,
            connectsPerSecond, max, requestsPerWindow, requestWindow, maxRequestBytes,
            refusedCooldown, ackTimeout, handoverTimeout, connectTimeout, closeGrace, maxMessageChars, queueCapacity);
    }

    public WsSettings withRequestLimits(int perWindow, Duration window, int maxBytes) {
        return new WsSettings(url, proxy, pingAfter, pongTimeout, staleAfter, reconnectMin, reconnectMax,
            connectsPerSecond, maxSubscriptionsPerConnection, perWindow, window, maxBytes,
            refusedCooldown, ackTimeout, handoverTimeout, connectTimeout, closeGrace, maxMessageChars, queueCapacity);
    }

    public WsSettings withRefusedCooldown(Duration cooldown) {
        return new WsSettings(url, proxy, pingAfter, pongTimeout, staleAfter, reconnectMin, reconnectMax,
            connectsPerSecond, maxSubscriptionsPerConnection, requestsPerWindow, requestWindow, maxRequestBytes,
            cooldown, ackTimeout, handoverTimeout, connectTimeout, closeGrace, maxMessageChars, queueCapacity);
    }

    public WsSettings withTimeouts(Duration ack, Duration handover, Duration connect, Duration close) {
        return new WsSettings(url, proxy, pingAfter, pongTimeout, staleAfter, reconnectMin, reconnectMax,
            connectsPerSecond, maxSubscriptionsPerConnection, requestsPerWindow, requestWindow, maxRequestBytes,
            refusedCooldown, ack, handover, connect, close, maxMessageChars, queueCapacity);
    }

    public WsSettings withBuffers(int messageChars, int queue) {
        return new WsSettings(url, proxy, pingAfter, pongTimeout, staleAfter, reconnectMin, reconnectMax,
            connectsPerSecond, maxSubscriptionsPerConnection, requestsPerWindow, requestWindow, maxRequestBytes,
            refusedCooldown, ackTimeout, handoverTimeout, connectTimeout, closeGrace, messageChars, queue);
    }

    /** The proxy as an address, when one is set. */
    public Optional<InetSocketAddress> proxyAddress() {
        return proxy.isEmpty() ? Optional.empty() : Optional.of(parseProxy(proxy));
    }

    /** How often the feed's timer looks at its connections: a quarter of the shortest wait, 5-250 ms. */
    Duration tick() {
        long shortest = Math.min(Math.min(pingAfter.toMillis(), pongTimeout.toMillis()),
            Math.min(staleAfter.toMillis(), reconnectMin.toMillis()));
        return Duration.ofMillis(Math.clamp(shortest / 4, 5L, 250L));
    }

    /** Requests kept back on a connection for resubscribes and unsubscribes: a tenth of the budget. */
    int requestReserve() {
        return Math.max(1, requestsPerWindow / 10);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("WebSocket " + name + " must be positive: " + d);
        }
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("WebSocket " + name + " must be at least " + min + ": " + value);
        }
    }

    /** {@code host:port}; an {@code http://} prefix and a trailing slash, as in {@code HTTPS_PROXY}, are accepted. */
    private static InetSocketAddress parseProxy(String text) {
        String hostPort = text.replaceFirst("^[hH][tT][tT][pP][sS]?://", "").replaceFirst("/$", "");
        int colon = hostPort.lastIndexOf(':');
        String host = colon <= 0 ? "" : hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = colon <= 0 ? -1 : Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isEmpty() || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("WebSocket proxy must be host:port with a port 1-65535: '" + text + "'");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }
}
