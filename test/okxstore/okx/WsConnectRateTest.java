package okxstore.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The feed-wide connect rate: a connect counts from its start until a window after its handshake. */
class WsConnectRateTest {

    @Test
    void threeAtOnce_thenNoneUntilOneSecondAfterAHandshakeEnded() {
        WsConnectRate rate = new WsConnectRate(3, 1000);
        assertTrue(rate.tryStart(0));
        assertTrue(rate.tryStart(0));
        assertTrue(rate.tryStart(0));
        assertFalse(rate.tryStart(5000), "pending handshakes count however long they take");
        rate.ended(5000);
        assertFalse(rate.tryStart(5999));
        assertTrue(rate.tryStart(6000));
        assertEquals(3, rate.pending());
    }

    @Test
    void slowHandshakes_cannotBunchUpAtTheServer() {
        // started at 0 and 900, accepted by the server at up to 950 and 1800: a start-time window would
        // have let a fourth connect go at 1000, inside the server's window of the second
        WsConnectRate rate = new WsConnectRate(2, 1000);
        assertTrue(rate.tryStart(0));
        assertTrue(rate.tryStart(900));
        rate.ended(950);
        rate.ended(1800);
        assertFalse(rate.tryStart(1000));
        assertTrue(rate.tryStart(1950));
        assertFalse(rate.tryStart(1950));
        assertTrue(rate.tryStart(2800));
    }

    @Test
    void anEndWithoutAStart_isIgnored() {
        WsConnectRate rate = new WsConnectRate(1, 1000);
        rate.ended(0);
        assertTrue(rate.tryStart(0));
    }

    @Test
    void emptyLimits_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WsConnectRate(0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new WsConnectRate(1, 0));
    }
}
