package okxstore.okx;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a repeating WebSocket warning at most once per interval per key, saying how many it held back,
 * so a server sending garbage every millisecond cannot flood the log. Thread-safe.
 */
final class WsLogThrottle {

    private static final int MAX_KEYS = 1_000;

    private final Logger log;
    private final InstantSource clock;
    private final long intervalMs;
    private final ConcurrentHashMap<String, long[]> lastAndHeld = new ConcurrentHashMap<>();

    WsLogThrottle(Logger log, InstantSource clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.intervalMs = interval.toMillis();
    }

    void log(Level level, String key, Supplier<String> message) {
        if (!log.isLoggable(level)) {
            return;
        }
        long now = clock.millis();
        if (lastAndHeld.size() > MAX_KEYS) {
            lastAndHeld.clear();
        }
        long[] held = {-1};
        lastAndHeld.compute(key, (k, v) -> {
            if (v == null || now - v[0] >= intervalMs) {
                held[0] = v == null ? 0 : v[1];
                return new long[] {now, 0};
            }
            v[1]++;
            return v;
        });
        if (held[0] >= 0) {
            log.log(level, message.get() + (held[0] > 0 ? " (" + held[0] + " similar not logged)" : ""));
        }
    }
}
