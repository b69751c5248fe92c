package okxstore.store;

import static okxstore.store.StoreFixtures.BTC;
import static okxstore.store.StoreFixtures.MINUTE;
import static okxstore.store.StoreFixtures.T0;
import static okxstore.store.StoreFixtures.fast;
import static okxstore.store.StoreFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okxstore.candle.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapsTest {
    @TempDir
    Path dir;

    private static long m(int minutes) {
        return T0 + minutes * MINUTE;
    }

    /** Open time of OKX's 1M bar {@code k} months after the one holding 2024-01-15 (grid from {@link Bar}). */
    private static long month(int k) {
        return Bar.MO1.plus(Bar.MO1.openTime(T0 + 14 * 86_400_000L), k);
    }

    private void write(Bar bar, long... ts) throws Exception {
        try (CandleWriter w = new CandleWriter(dir, fast(), new StoreFixtures.ManualClock(T0))) {
            for (long t : ts) {
                w.put(stored(BTC, bar, t, 10, true, 1));
            }
            w.flush().get(10, TimeUnit.SECONDS);
        }
    }

    private void hole(Bar bar, long from, long to) throws Exception {
        try (CandleWriter w = new CandleWriter(dir, fast(), new StoreFixtures.ManualClock(T0))) {
            w.recordHole(BTC, bar, from, to, Hole.NO_DATA, T0);
        }
    }

    @Test
    void minuteGaps_betweenStoredBars_andAtTheEdgesOfARange() throws Exception {
        write(Bar.M1, m(0), m(1), m(5), m(6), m(7), m(10));
        try (StoreReader r = new StoreReader(dir)) {
            assertEquals(List.of(new Gap(m(2), m(4), 3), new Gap(m(8), m(9), 2)), r.gaps(BTC, Bar.M1));
            assertEquals(List.of(new Gap(m(-2), m(-1), 2), new Gap(m(2), m(4), 3), new Gap(m(8), m(9), 2),
                new Gap(m(11), m(12), 2)), r.gaps(BTC, Bar.M1, m(-2) - 30_000, m(12) + 30_000));
            assertEquals(List.of(new Gap(m(3), m(4), 2)), r.gaps(BTC, Bar.M1, m(3), m(6)));
            assertEquals(List.of(), r.gaps(BTC, Bar.M1, m(5), m(7)));
        }
        hole(Bar.M1, m(3), m(3));
        hole(Bar.M1, m(8), m(9));
        hole(Bar.M1, m(-5), m(-2));
        try (StoreReader r = new StoreReader(dir)) {
            assertEquals(List.of(new Gap(m(2), m(2), 1), new Gap(m(4), m(4), 1)), r.openGaps(BTC, Bar.M1));
            assertEquals(List.of(new Gap(m(-1), m(-1), 1), new Gap(m(2), m(2), 1), new Gap(m(4), m(4), 1),
                new Gap(m(11), m(12), 2)), r.openGaps(BTC, Bar.M1, m(-2), m(12)));
            assertEquals(4, r.gaps(BTC, Bar.M1, m(-2), m(12)).size(), "gaps stay raw");
        }
    }

    @Test
    void monthGaps_walkTheCalendar() throws Exception {
        write(Bar.MO1, month(-2), month(-1), month(0), month(3), month(4));
        try (StoreReader r = new StoreReader(dir)) {
            assertEquals(List.of(new Gap(month(1), month(2), 2)), r.gaps(BTC, Bar.MO1));
            assertEquals(List.of(new Gap(month(-4), month(-3), 2), new Gap(month(1), month(2), 2),
                new Gap(month(5), month(6), 2)), r.gaps(BTC, Bar.MO1, month(-4), month(6)));
        }
        hole(Bar.MO1, month(1), month(1));
        try (StoreReader r = new StoreReader(dir)) {
            assertEquals(List.of(new Gap(month(2), month(2), 1)), r.openGaps(BTC, Bar.MO1));
        }
    }

    @Test
    void quarterUtcGaps_walkTheCalendar() throws Exception {
        long q1 = T0;
        long q2 = Bar.MO3_UTC.next(q1);
        long q4 = Bar.MO3_UTC.plus(q1, 3);
        write(Bar.MO3_UTC, q1, q4);
        try (StoreReader r = new StoreReader(dir)) {
            assertEquals(List.of(new Gap(q2, Bar.MO3_UTC.next(q2), 2)), r.gaps(BTC, Bar.MO3_UTC));
        }
    }

    @Test
    void subtract_handlesOverlappingAndPartialHoles() {
        Bar bar = Bar.M1;
        List<Gap> gaps = List.of(new Gap(m(0), m(9), 10), new Gap(m(20), m(21), 2));
        List<Hole> holes = List.of(
            new Hole(bar, m(-3), m(0), Hole.NO_DATA, 0, 1),
            new Hole(bar, m(2), m(5), Hole.NO_DATA, 0, 1),
            new Hole(bar, m(3), m(4), Hole.NO_DATA, 0, 1),
            new Hole(bar, m(7) + 1, m(8), Hole.NO_DATA, 0, 1), // starts inside bar 7: bar 7 stays open
            new Hole(bar, m(21), m(30), Hole.NO_DATA, 0, 1));
        assertEquals(List.of(new Gap(m(1), m(1), 1), new Gap(m(6), m(7), 2), new Gap(m(9), m(9), 1),
            new Gap(m(20), m(20), 1)), Gaps.subtract(gaps, holes, bar));
    }
}
