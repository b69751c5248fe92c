package okxstore.store;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Logs a repeating message at most once per interval per key, counting what it held back. Thread-safe. */
final class LogThrottle {
    private static final int MAX_KEYS = 10_000;

    private final Logger log;
    private final InstantSource clock;
    private final long intervalMs;
    private final ConcurrentHashMap<String, long[]> lastAndSuppressed = new ConcurrentHashMap<>();

    LogThrottle(Logger log, InstantSource clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.intervalMs = interval.toMillis();
    }

    void log(Level level, String key, Supplier<String> message, Throwable thrown) {
        if (!log.isLoggable(level)) {
            return;
        }
        long now = clock.millis();
        if (lastAndSuppressed.size() > MAX_KEYS) {
            lastAndSuppressed.clear();
        }
        long[] suppressed = new long[1];
        boolean[] emit = new boolean[1];
        lastAndSuppressed.compute(key, (k, v) -> {
            if (v == null || now - v[0] >= intervalMs) {
                suppressed[0] = v == null ? 0 : v[1];
                emit[0] = true;
                return new long[] {now, 0};
            }
            v[1]++;
            return v;
        });
        if (emit[0]) {
            String text = message.get() + (suppressed[0] > 0 ? " (" + suppressed[0] + " similar not logged)" : "");
            log.logp(level, log.getName(), null, text, thrown); // the owner, not this class, as the source
        }
    }
}
