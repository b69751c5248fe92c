package okxstore.okx;

import java.time.Duration;

/**
 * The keepalive and reconnect decisions, as pure functions of a connection's timestamps and {@code now}
 * (API-NOTES §6.4, §7b): ping after silence, give up on a missing pong, call a subscribed connection
 * that pushes nothing stale, and space reconnects out. Thread-safe.
 */
final class WsHealth {

    /** What a connection needs now. */
    enum Verdict {
        /** Nothing to do. */
        OK,
        /** Nothing received for {@code pingAfter}: send {@code ping}. */
        PING,
        /** A ping got no pong within {@code pongTimeout}: the connection is dead (no read timeout exists). */
        PONG_TIMEOUT,
        /** Subscribed, yet no push on any channel for {@code staleAfter}: "subscribed" is not "healthy". */
        STALE
    }

    private WsHealth() {
    }

    /**
     * @param lastReceivedAt when anything (a message, a part, a control frame) last arrived
     * @param pingSentAt     when the unanswered ping went out, or 0 when none is outstanding
     * @param quietSince     the later of the last push and the moment the connection got its first
     *                       acknowledged subscription, or 0 while it has none
     */
    static Verdict check(long now, long lastReceivedAt, long pingSentAt, long quietSince, WsSettings s) {
        if (pingSentAt != 0 && now - pingSentAt >= s.pongTimeout().toMillis()) {
            return Verdict.PONG_TIMEOUT;
        }
        if (quietSince != 0 && now - quietSince >= s.staleAfter().toMillis()) {
            return Verdict.STALE;
        }
        if (pingSentAt == 0 && now - lastReceivedAt >= s.pingAfter().toMillis()) {
            return Verdict.PING;
        }
        return Verdict.OK;
    }

    /**
     * The wait before reconnect number {@code attempt} (1 after the first failure): doubling from
     * {@code reconnectMin} with jitter, always within [{@code reconnectMin}, {@code reconnectMax}].
     * {@code backoff} is {@link #backoff}'s, holding the injected random generator.
     */
    static Duration reconnectDelay(int attempt, Backoff backoff, WsSettings s) {
        Duration d = backoff.delay(Math.max(1, attempt));
        if (d.compareTo(s.reconnectMin()) < 0) {
            return s.reconnectMin();
        }
        return d.compareTo(s.reconnectMax()) > 0 ? s.reconnectMax() : d;
    }

    /** Jittered doubling whose first delay lies in [min, 2 min]; {@link #reconnectDelay} clamps it to the bounds. */
    static Backoff backoff(WsSettings s, java.util.random.RandomGenerator random) {
        Duration base = s.reconnectMin().multipliedBy(2);
        return Backoff.of(base.compareTo(s.reconnectMax()) > 0 ? s.reconnectMax() : base, s.reconnectMax(), random);
    }
}
