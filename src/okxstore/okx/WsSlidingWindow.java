package okxstore.okx;

import java.util.ArrayDeque;

/**
 * At most {@code limit} events in any window of {@code windowMs}, times given by the caller: each
 * connection's budget of 480 subscribe/unsubscribe requests per hour (API-NOTES §6.5).
 * Not thread-safe: owned by the feed's dispatcher thread.
 */
final class WsSlidingWindow {

    private final int limit;
    private final long windowMs;
    private final ArrayDeque<Long> hits = new ArrayDeque<>();

    WsSlidingWindow(int limit, long windowMs) {
        if (limit < 1 || windowMs < 1) {
            throw new IllegalArgumentException("sliding window needs a limit and a window of at least 1: "
                + limit + " per " + windowMs + " ms");
        }
        this.limit = limit;
        this.windowMs = windowMs;
    }

    /** Records an event at {@code now} and returns true, or returns false when the window is full. */
    boolean tryAcquire(long now) {
        expire(now);
        if (hits.size() >= limit) {
            return false;
        }
        hits.addLast(now);
        return true;
    }

    /** Events still allowed at {@code now}. */
    int available(long now) {
        expire(now);
        return limit - hits.size();
    }

    private void expire(long now) {
        while (!hits.isEmpty() && now - hits.peekFirst() >= windowMs) {
            hits.pollFirst();
        }
    }
}
