package okxstore.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    static final long SECOND = 1_000_000_000L;
    static final long WINDOW = 2 * SECOND;

    /** A ticker that only moves when the limiter "sleeps": acquire() runs instantly. */
    final AtomicLong now = new AtomicLong(1_000 * SECOND);
    final Sleeper advancing = nanos -> now.addAndGet(nanos);

    RateLimiter limiter(int permits) {
        return new RateLimiter("test", permits, Duration.ofNanos(WINDOW), now::get, advancing);
    }

    @Test
    void permitsWithinTheLimit_goAtOnce_thenTheNextWaitsForTheOldestToLeaveTheWindow() {
        RateLimiter l = limiter(3);
        long t = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, l.waitNanos(t + i));
            l.record(t + i);
        }
        assertEquals(WINDOW - 500, l.waitNanos(500));
        assertEquals(0, l.waitNanos(WINDOW));
        assertEquals(0, l.waitNanos(WINDOW + 1));
    }

    @Test
    void waitNanos_changesNothing() {
        RateLimiter l = limiter(1);
        l.record(0);
        assertEquals(WINDOW - 10, l.waitNanos(10));
        assertEquals(WINDOW - 10, l.waitNanos(10));
    }

    @Test
    void acquire_neverLetsAnyWindowHoldMoreThanThePermits() throws InterruptedException {
        int permits = 19; // floor(20 * 0.95), history-candles
        RateLimiter l = limiter(permits);
        SplittableRandom random = new SplittableRandom(3);
        List<Long> sends = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            now.addAndGet(random.nextInt(4) == 0 ? random.nextLong(WINDOW / 5) : 0); // bursts and pauses
            l.acquire();
            sends.add(now.get());
        }
        for (int i = permits; i < sends.size(); i++) {
            assertTrue(sends.get(i) - sends.get(i - permits) >= WINDOW, "send " + i + " crowds its window");
        }
        long elapsed = sends.get(sends.size() - 1) - sends.get(0);
        assertTrue(elapsed < (500 / permits + 2) * WINDOW + 500 * (WINDOW / 5), "not slower than needed: " + elapsed);
    }

    @Test
    void acquire_queuesCallersInArrivalOrder() throws InterruptedException {
        RateLimiter l = limiter(2);
        List<Long> waits = new ArrayList<>();
        Sleeper recordOnly = waits::add; // does not advance: every caller arrives at the same instant
        RateLimiter queued = new RateLimiter("q", 2, Duration.ofNanos(WINDOW), now::get, recordOnly);
        for (int i = 0; i < 6; i++) {
            queued.acquire();
        }
        assertEquals(List.of(WINDOW, WINDOW, 2 * WINDOW, 2 * WINDOW), waits);
        assertEquals(0, l.waitNanos(now.get()));
    }

    @Test
    void penalize_halvesThePermits_thenTheyComeBackGradually() {
        RateLimiter l = limiter(20);
        assertEquals(20, l.permits(0));
        l.penalize(0);
        assertEquals(10, l.permits(0));
        assertEquals(10, l.permits(WINDOW - 1));
        assertEquals(11, l.permits(WINDOW));
        assertEquals(12, l.permits(WINDOW + WINDOW / 4));
        assertEquals(20, l.permits(WINDOW + 9 * WINDOW / 4));
        assertEquals(20, l.permits(100 * WINDOW));
    }

    @Test
    void penalize_cutsAtMostOncePerWindow() {
        RateLimiter l = limiter(20);
        l.penalize(0);
        l.penalize(1);
        l.penalize(WINDOW / 2);
        assertEquals(10, l.permits(WINDOW / 2));
        assertEquals(1, l.penalties());
        l.penalize(WINDOW);
        assertEquals(5, l.permits(WINDOW));
        for (int i = 2; i < 10; i++) {
            l.penalize(i * WINDOW);
        }
        assertEquals(1, l.permits(9 * WINDOW), "never below one permit");
    }

    @Test
    void penalize_slowsTheNextRequestsDown() {
        RateLimiter l = limiter(4);
        for (int i = 0; i < 4; i++) {
            l.record(i);
        }
        l.penalize(10);
        assertEquals(WINDOW + 2 - 10, l.waitNanos(10), "only 2 permits: wait for the 2nd most recent to leave");
    }

    @Test
    void acquire_sleepsOutsideTheLock() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Sleeper blocking = nanos -> {
            sleeping.countDown();
            release.await();
        };
        RateLimiter l = new RateLimiter("b", 1, Duration.ofNanos(WINDOW), now::get, blocking);
        l.acquire();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                l.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(sleeping.await(5, TimeUnit.SECONDS));
        assertEquals(2 * WINDOW, l.waitNanos(now.get()), "a second caller is not blocked by the sleeper");
        release.countDown();
        waiter.join(5_000);
        assertFalse(waiter.isAlive());
    }

    @Test
    void settings_permitsAreTheFloorOfLimitTimesMargin() {
        RestSettings s = RestSettings.defaults();
        assertEquals(38, s.permits(Endpoint.CANDLES));
        assertEquals(19, s.permits(Endpoint.HISTORY_CANDLES));
        assertEquals(19, s.permits(Endpoint.INSTRUMENTS));
        assertEquals(9, s.permits(Endpoint.TIME));
        RateLimits limits = new RateLimits(s, now::get, advancing);
        assertEquals(38, limits.limiter(Endpoint.CANDLES).limit());
        assertSame(limits.limiter(Endpoint.TIME), limits.limiter(Endpoint.TIME));
    }

    @Test
    void constructor_refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> limiter(0));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter("x", 1, Duration.ZERO, now::get, advancing));
    }
}
