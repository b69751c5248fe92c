package okxstore.okx;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Client-side limit of one endpoint: at most {@code permits} requests in any sliding window
 * (API-NOTES §4: OKX counts per IP and endpoint over 2 s). Keeps the send times of the last
 * {@code permits} requests in a ring; a caller reserves the earliest slot that keeps every window
 * under the limit, in arrival order, and sleeps outside the lock. A rate-limit answer
 * ({@link #penalize}) halves the permits for a window, then they come back one per quarter window.
 * Decisions take {@code now} as an argument ({@link #waitNanos}, {@link #record}); only
 * {@link #acquire} reads the {@link Ticker} and sleeps. Thread-safe.
 */
public final class RateLimiter {
    private final String name;
    private final int limit;
    private final long windowNanos;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    private final long[] sends;
    private int next;
    private int count;
    private boolean penalized;
    private long penalizedAt;
    private int penaltyPermits;
    private long penalties;

    public RateLimiter(String name, int permits, Duration window, Ticker ticker, Sleeper sleeper) {
        if (permits < 1) {
            throw new IllegalArgumentException(name + ": permits must be at least 1: " + permits);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(name + ": window must be positive: " + window);
        }
        this.name = name;
        this.limit = permits;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.sends = new long[permits];
    }

    public String name() {
        return name;
    }

    /** The permits per window without a penalty. */
    public int limit() {
        return limit;
    }

    /** Blocks until sending now keeps every window under the limit; returns the nanoseconds waited. */
    public long acquire() throws InterruptedException {
        long now;
        long at;
        lock.lock();
        try {
            now = ticker.nanos();
            at = earliest(now);
            append(at); // reserved: later callers queue behind this slot
        } finally {
            lock.unlock();
        }
        long wait = at - now;
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
        return Math.max(0, wait);
    }

    /** Nanoseconds from {@code now} until a request may be sent (0: at once). Changes nothing. */
    public long waitNanos(long now) {
        lock.lock();
        try {
            return earliest(now) - now;
        } finally {
            lock.unlock();
        }
    }

    /** Counts a request sent at {@code at} (after {@link #waitNanos} said it may go). */
    public void record(long at) {
        lock.lock();
        try {
            append(Math.max(at, latest()));
        } finally {
            lock.unlock();
        }
    }

    /** The exchange said "too many requests": halve the permits for a while (at most once per window). */
    public void penalize(long now) {
        lock.lock();
        try {
            if (penalized && now - penalizedAt < windowNanos) {
                return;
            }
            penaltyPermits = Math.max(1, permits(now) / 2);
            penalizedAt = now;
            penalized = true;
            penalties++;
        } finally {
            lock.unlock();
        }
    }

    /** {@link #penalize(long)} at the ticker's now. */
    public void penalize() {
        penalize(ticker.nanos());
    }

    /** Permits per window at {@code now}: the limit, or less while recovering from a penalty. */
    public int permits(long now) {
        lock.lock();
        try {
            if (!penalized) {
                return limit;
            }
            long recovering = now - penalizedAt - windowNanos;
            if (recovering < 0) {
                return penaltyPermits;
            }
            long regained = recovering / Math.max(1, windowNanos / 4) + 1;
            return (int) Math.min(limit, penaltyPermits + regained);
        } finally {
            lock.unlock();
        }
    }

    /** How often {@link #penalize} took effect. */
    public long penalties() {
        lock.lock();
        try {
            return penalties;
        } finally {
            lock.unlock();
        }
    }

    /** Earliest send time at or after {@code now} that keeps {@code permits} per window; slots stay in order. */
    private long earliest(long now) {
        int n = permits(now);
        long at = Math.max(now, latest());
        if (count < n) {
            return at;
        }
        long nth = sends[Math.floorMod(next - n, sends.length)]; // the n-th most recent send
        return Math.max(at, nth + windowNanos);
    }

    private long latest() {
        return count == 0 ? Long.MIN_VALUE : sends[Math.floorMod(next - 1, sends.length)];
    }

    private void append(long at) {
        sends[next] = at;
        next = (next + 1) % sends.length;
        count = Math.min(count + 1, sends.length);
    }

    @Override
    public String toString() {
        return "RateLimiter[" + name + ", " + limit + " per " + Duration.ofNanos(windowNanos) + "]";
    }
}
