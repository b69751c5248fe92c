package okxstore.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sliding window behind each connection's request budget. */
class WsSlidingWindowTest {

    @Test
    void threePerSecond_theFourthWaitsUntilTheFirstLeavesTheWindow() {
        WsSlidingWindow w = new WsSlidingWindow(3, 1000);
        assertTrue(w.tryAcquire(0));
        assertTrue(w.tryAcquire(300));
        assertTrue(w.tryAcquire(600));
        assertFalse(w.tryAcquire(999));
        assertTrue(w.tryAcquire(1000));
        assertEquals(0, w.available(1299));
        assertEquals(1, w.available(1300));
    }

    @Test
    void slidingNotFixed_aBurstAtTheEdgeOfASecondStillCounts() {
        WsSlidingWindow w = new WsSlidingWindow(3, 1000);
        assertTrue(w.tryAcquire(990));
        assertTrue(w.tryAcquire(995));
        assertTrue(w.tryAcquire(999));
        assertFalse(w.tryAcquire(1001), "a fixed window would have reset at 1000");
        assertTrue(w.tryAcquire(1990));
    }

    @Test
    void hourlyBudget_countsEveryRequest() {
        WsSlidingWindow w = new WsSlidingWindow(480, 3_600_000);
        for (int i = 0; i < 480; i++) {
            assertTrue(w.tryAcquire(i * 1000L));
        }
        assertEquals(0, w.available(479_000));
        assertFalse(w.tryAcquire(3_599_999));
        assertTrue(w.tryAcquire(3_600_000));
    }

    @Test
    void emptyLimits_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WsSlidingWindow(0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new WsSlidingWindow(1, 0));
    }
}
