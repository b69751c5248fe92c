package okxstore.okx;

import static okxstore.okx.WsHealth.Verdict.OK;
import static okxstore.okx.WsHealth.Verdict.PING;
import static okxstore.okx.WsHealth.Verdict.PONG_TIMEOUT;
import static okxstore.okx.WsHealth.Verdict.STALE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Keepalive, staleness and reconnect pacing as pure functions of time (defaults: 20 s, 5 s, 45 s). */
class WsHealthTest {

    private static final WsSettings S = WsSettings.defaults();

    @Test
    void ping_after20sOfSilence_notBefore() {
        assertEquals(OK, WsHealth.check(19_999, 0, 0, 0, S));
        assertEquals(PING, WsHealth.check(20_000, 0, 0, 0, S));
    }

    @Test
    void anOutstandingPing_isNotRepeated_andTimesOutAfter5s() {
        assertEquals(OK, WsHealth.check(24_999, 0, 20_000, 0, S));
        assertEquals(PONG_TIMEOUT, WsHealth.check(25_000, 0, 20_000, 0, S));
    }

    @Test
    void subscribedWithoutAPushFor45s_isStale_evenWithRecentTraffic() {
        assertEquals(OK, WsHealth.check(44_999, 44_000, 0, 0 + 1, S));
        assertEquals(STALE, WsHealth.check(45_001, 45_000, 0, 1, S));
        assertEquals(OK, WsHealth.check(45_001, 45_000, 0, 0, S), "0: nothing subscribed, never stale");
    }

    @Test
    void pongTimeout_winsOverStale() {
        assertEquals(PONG_TIMEOUT, WsHealth.check(100_000, 0, 90_000, 1, S));
    }

    @Test
    void reconnectDelays_growFromMin_withJitter_andStayWithinMax() {
        WsSettings s = S.withReconnect(Duration.ofMillis(500), Duration.ofSeconds(30), 3);
        Backoff backoff = WsHealth.backoff(s, new SplittableRandom(42));
        for (int attempt = 1; attempt <= 20; attempt++) {
            long ms = WsHealth.reconnectDelay(attempt, backoff, s).toMillis();
            long capped = Math.min(30_000, 1000L << Math.min(attempt - 1, 20));
            assertTrue(ms >= 500 && ms <= 30_000, attempt + ": " + ms);
            assertTrue(ms >= Math.max(500, capped / 2) && ms <= capped, attempt + ": " + ms + " for " + capped);
        }
    }

    @Test
    void reconnectDelays_areJittered_soClientsDoNotRetryTogether() {
        WsSettings s = S;
        Backoff backoff = WsHealth.backoff(s, new SplittableRandom(1));
        long a = WsHealth.reconnectDelay(3, backoff, s).toMillis();
        long b = WsHealth.reconnectDelay(3, backoff, s).toMillis();
        long c = WsHealth.reconnectDelay(3, backoff, s).toMillis();
        assertTrue(a != b || b != c, a + " " + b + " " + c);
    }

    @Test
    void equalMinAndMax_giveAFixedDelay() {
        WsSettings s = S.withReconnect(Duration.ofMillis(700), Duration.ofMillis(700), 3);
        Backoff backoff = WsHealth.backoff(s, new SplittableRandom(3));
        for (int attempt = 1; attempt < 5; attempt++) {
            assertEquals(700, WsHealth.reconnectDelay(attempt, backoff, s).toMillis());
        }
    }
}
