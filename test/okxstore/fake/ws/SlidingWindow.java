package okxstore.fake.ws;

import java.util.ArrayDeque;

/** At most {@code limit} events in any window of {@code windowNanos}; times come from the caller. Thread-safe. */
final class SlidingWindow {

    private final int limit;
    private final long windowNanos;
    private final ArrayDeque<Long> hits = new ArrayDeque<>();

    SlidingWindow(int limit, long windowNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
    }

    /** Records an event at {@code nowNanos} and returns true, or returns false when the window is full. */
    synchronized boolean tryAcquire(long nowNanos) {
        while (!hits.isEmpty() && nowNanos - hits.peekFirst() >= windowNanos) {
            hits.pollFirst();
        }
        if (hits.size() >= limit) {
            return false;
        }
        hits.addLast(nowNanos);
        return true;
    }
}
