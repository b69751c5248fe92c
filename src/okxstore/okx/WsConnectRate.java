package okxstore.okx;

import java.util.ArrayDeque;

/**
 * OKX's 3 new connections per second per IP (API-NOTES §6.5), kept from the client's side. The server
 * counts a connection when it accepts it, somewhere between our start and the end of the handshake, so
 * a connect counts here from its start until one window after its handshake ended: then no window of
 * the server's can hold more than {@code limit}, however late the network delivers our connects.
 * Not thread-safe: owned by the feed's dispatcher thread.
 */
final class WsConnectRate {

    private final int limit;
    private final long windowMs;
    private final ArrayDeque<Long> ended = new ArrayDeque<>();
    private int pending;

    WsConnectRate(int limit, long windowMs) {
        if (limit < 1 || windowMs < 1) {
            throw new IllegalArgumentException("connect rate needs a limit and a window of at least 1: "
                + limit + " per " + windowMs + " ms");
        }
        this.limit = limit;
        this.windowMs = windowMs;
    }

    /** Starts a connect and returns true, or returns false when {@code limit} connects still count. */
    boolean tryStart(long now) {
        while (!ended.isEmpty() && now - ended.peekFirst() >= windowMs) {
            ended.pollFirst();
        }
        if (pending + ended.size() >= limit) {
            return false;
        }
        pending++;
        return true;
    }

    /** A started connect's handshake is over (opened, failed or given up) at {@code now}. */
    void ended(long now) {
        if (pending > 0) {
            pending--;
            ended.addLast(now);
        }
    }

    int pending() {
        return pending;
    }
}
