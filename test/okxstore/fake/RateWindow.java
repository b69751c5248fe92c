package okxstore.fake;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * OKX's rate limits as a sliding 2 s window per endpoint and caller key (IP, plus instType for
 * instruments), measured on a monotonic nano clock (injectable; real time by default). Rejected
 * requests do not count against the window. Thread-safe.
 */
public final class RateWindow {
    public static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Endpoint, Integer> limits = new EnumMap<>(Endpoint.class);
    private final Map<String, ArrayDeque<Long>> windows = new HashMap<>();
    private boolean enabled = true;

    public RateWindow(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        for (Endpoint e : Endpoint.values()) {
            limits.put(e, e.okxLimit());
        }
    }

    /** True when a request to {@code endpoint} from {@code key} fits the window now (and counts it). */
    public boolean admit(Endpoint endpoint, String key) {
        long now = nanoClock.getAsLong();
        lock.lock();
        try {
            if (!enabled) {
                return true;
            }
            ArrayDeque<Long> window = windows.computeIfAbsent(endpoint + " " + key, k -> new ArrayDeque<>());
            while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
                window.pollFirst();
            }
            if (window.size() >= limits.get(endpoint)) {
                return false;
            }
            window.addLast(now);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Sets the limit of {@code endpoint} per 2 s window (at least 1). */
    public void setLimit(Endpoint endpoint, int perWindow) {
        if (perWindow < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + perWindow);
        }
        lock.lock();
        try {
            limits.put(endpoint, perWindow);
        } finally {
            lock.unlock();
        }
    }

    public int limit(Endpoint endpoint) {
        lock.lock();
        try {
            return limits.get(endpoint);
        } finally {
            lock.unlock();
        }
    }

    /** Switches every limit on or off; switching forgets the requests counted so far. */
    public void setEnabled(boolean on) {
        lock.lock();
        try {
            enabled = on;
            windows.clear();
        } finally {
            lock.unlock();
        }
    }
}
