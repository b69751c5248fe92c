package okxstore.fake.ws;

import java.time.Duration;

/**
 * Timings and limits of the fake socket. {@link #defaults()} are OKX's real figures
 * (API-NOTES §6.3-6.6); tests shorten them with the {@code with...} copies. These durations run
 * on the real monotonic clock; only candle time comes from the injected clock.
 *
 * @param pushInterval      time between two pushes of one subscription (OKX: at most 1 per second)
 * @param idleTimeout       silence in both directions after which the server closes with 4004
 * @param connectionsPerWindow new connections allowed per {@code connectionWindow} (OKX: 3 per second)
 * @param connectionWindow  the sliding window of the connection limit
 * @param requestsPerWindow subscribe/unsubscribe requests allowed per connection and {@code requestWindow}
 * @param requestWindow     the sliding window of the request limit (OKX: 480 per hour)
 * @param noticeCloseDelay  time between a 64008 notice and the close it announces (OKX: 60 s)
 * @param maxMessageBytes   largest client message; larger gets close 1009
 * @param closeGrace        how long the server waits for the client's close reply before dropping TCP
 */
public record FakeWsSettings(Duration pushInterval, Duration idleTimeout, int connectionsPerWindow,
        Duration connectionWindow, int requestsPerWindow, Duration requestWindow, Duration noticeCloseDelay,
        int maxMessageBytes, Duration closeGrace) {

    public FakeWsSettings {
        positive("pushInterval", pushInterval);
        positive("idleTimeout", idleTimeout);
        positive("connectionWindow", connectionWindow);
        positive("requestWindow", requestWindow);
        positive("closeGrace", closeGrace);
        if (noticeCloseDelay == null || noticeCloseDelay.isNegative()) {
            throw new IllegalArgumentException("noticeCloseDelay must be >= 0: " + noticeCloseDelay);
        }
        if (connectionsPerWindow < 1 || requestsPerWindow < 1 || maxMessageBytes < 1) {
            throw new IllegalArgumentException("limits must be >= 1: connectionsPerWindow=" + connectionsPerWindow
                + " requestsPerWindow=" + requestsPerWindow + " maxMessageBytes=" + maxMessageBytes);
        }
    }

    /** OKX's own figures: 1 push/s, 30 s idle close, 3 connections/s, 480 requests/h, 60 s notice. */
    public static FakeWsSettings defaults() {
        return new FakeWsSettings(Duration.ofSeconds(1), Duration.ofSeconds(30), 3, Duration.ofSeconds(1),
            480, Duration.ofHours(1), Duration.ofSeconds(60), 1 << 20, Duration.ofSeconds(1));
    }

    public FakeWsSettings withPushInterval(Duration d) {
        return new FakeWsSettings(d, idleTimeout, connectionsPerWindow, connectionWindow, requestsPerWindow,
            requestWindow, noticeCloseDelay, maxMessageBytes, closeGrace);
    }

    public FakeWsSettings withIdleTimeout(Duration d) {
        return new FakeWsSettings(pushInterval, d, connectionsPerWindow, connectionWindow, requestsPerWindow,
            requestWindow, noticeCloseDelay, maxMessageBytes, closeGrace);
    }

    public FakeWsSettings withConnectionLimit(int perWindow, Duration window) {
        return new FakeWsSettings(pushInterval, idleTimeout, perWindow, window, requestsPerWindow,
            requestWindow, noticeCloseDelay, maxMessageBytes, closeGrace);
    }

    public FakeWsSettings withRequestLimit(int perWindow, Duration window) {
        return new FakeWsSettings(pushInterval, idleTimeout, connectionsPerWindow, connectionWindow, perWindow,
            window, noticeCloseDelay, maxMessageBytes, closeGrace);
    }

    public FakeWsSettings withNoticeCloseDelay(Duration d) {
        return new FakeWsSettings(pushInterval, idleTimeout, connectionsPerWindow, connectionWindow,
            requestsPerWindow, requestWindow, d, maxMessageBytes, closeGrace);
    }

    public FakeWsSettings withMaxMessageBytes(int bytes) {
        return new FakeWsSettings(pushInterval, idleTimeout, connectionsPerWindow, connectionWindow,
            requestsPerWindow, requestWindow, noticeCloseDelay, bytes, closeGrace);
    }

    public FakeWsSettings withCloseGrace(Duration d) {
        return new FakeWsSettings(pushInterval, idleTimeout, connectionsPerWindow, connectionWindow,
            requestsPerWindow, requestWindow, noticeCloseDelay, maxMessageBytes, d);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0: " + d);
        }
    }
}
