package okxstore.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    static final Duration BASE = Duration.ofMillis(500);
    static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void withoutJitter_doublesFromBaseUpToMax() {
        Backoff b = new Backoff(BASE, MAX, 2, 0, new SplittableRandom(1));
        assertEquals(Duration.ofMillis(500), b.delay(1));
        assertEquals(Duration.ofMillis(1000), b.delay(2));
        assertEquals(Duration.ofMillis(2000), b.delay(3));
        assertEquals(Duration.ofMillis(16_000), b.delay(6));
        assertEquals(MAX, b.delay(7));
        assertEquals(MAX, b.delay(1_000_000), "no overflow on absurd attempts");
    }

    @Test
    void withJitter_staysBetweenTheJitteredShareAndTheFullDelay() {
        Backoff b = Backoff.of(BASE, MAX, new SplittableRandom(5));
        for (int attempt = 1; attempt <= 12; attempt++) {
            long full = Math.min(MAX.toNanos(), BASE.toNanos() << (attempt - 1));
            for (int i = 0; i < 100; i++) {
                long d = b.delay(attempt).toNanos();
                assertTrue(d <= full && d >= full / 2, attempt + ": " + d);
            }
        }
    }

    @Test
    void sameSeed_sameDelays() {
        Backoff a = Backoff.of(BASE, MAX, new SplittableRandom(9));
        Backoff b = Backoff.of(BASE, MAX, new SplittableRandom(9));
        assertEquals(IntStream.rangeClosed(1, 8).mapToObj(a::delay).toList(),
            IntStream.rangeClosed(1, 8).mapToObj(b::delay).toList());
    }

    @Test
    void jitter_spreadsCallersThatFailedTogether() {
        Backoff b = Backoff.of(BASE, MAX, new SplittableRandom(11));
        long distinct = IntStream.range(0, 50).mapToObj(i -> b.delay(3)).distinct().count();
        assertTrue(distinct > 40, "distinct delays: " + distinct);
    }

    @Test
    void nonsense_isRefused() {
        SplittableRandom r = new SplittableRandom();
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, MAX, 2, 0.5, r));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(MAX, BASE, 2, 0.5, r));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(BASE, MAX, 0.5, 0.5, r));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(BASE, MAX, 2, 1.5, r));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(BASE, MAX, 2, 0.5, null));
        assertThrows(IllegalArgumentException.class, () -> Backoff.of(BASE, MAX, r).delay(0));
    }
}
