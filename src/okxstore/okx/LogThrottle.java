package okxstore.okx;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Rate-limits repeated warnings: at most one per interval gets through, and it tells how many were
 * held back since the last one (those go to FINE). Decisions take {@code now}; thread-safe.
 */
final class LogThrottle {
    /** {@link #admit} result for a message to hold back. */
    static final int SUPPRESS = -1;

    private final long intervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean logged;
    private long lastAt;
    private int suppressed;

    LogThrottle(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** {@link #SUPPRESS}, or the number of messages held back before this one (which should be logged). */
    int admit(long now) {
        lock.lock();
        try {
            if (logged && now - lastAt < intervalNanos) {
                suppressed++;
                return SUPPRESS;
            }
            int held = suppressed;
            logged = true;
            lastAt = now;
            suppressed = 0;
            return held;
        } finally {
            lock.unlock();
        }
    }

    /** The message with a note on how many like it were held back. */
    static String withHeld(String message, int held) {
        return held > 0 ? message + " (" + held + " similar held back)" : message;
    }
}
