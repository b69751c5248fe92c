package okxstore.fake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import org.junit.jupiter.api.Test;

class CandleTruthTest {
    private static final long LISTED = Instant.parse("2025-11-03T07:31:12Z").toEpochMilli();
    private static final long MINUTE = 60_000L;

    private final FakeClock clock = FakeClock.at("2026-01-15T12:00:30Z");
    private final CandleTruth truth =
        new CandleTruth(42, clock).listing("BTC-USDT", LISTED).listing("SOL-USDT", LISTED);

    @Test
    void sameSeedGivesSameBars_otherSeedOthers() {
        CandleTruth twin = new CandleTruth(42, clock).listing("BTC-USDT", LISTED);
        CandleTruth other = new CandleTruth(7, clock).listing("BTC-USDT", LISTED);
        long ts = clock.millis() - 3 * 86_400_000L;
        for (Bar bar : List.of(Bar.M1, Bar.H4, Bar.D1, Bar.MO1_UTC)) {
            long open = bar.openTime(ts);
            assertArrayEquals(truth.row("BTC-USDT", bar, open), twin.row("BTC-USDT", bar, open));
            assertNotEquals(truth.row("BTC-USDT", bar, open)[1], other.row("BTC-USDT", bar, open)[1]);
        }
    }

    @Test
    void everyBarIsSane_andClosesWhereTheNextOpens() {
        for (Bar bar : Bar.values()) {
            long now = clock.millis();
            long from = Math.max(LISTED, now - 5_000 * bar.maxDurationMillis());
            List<TruthBar> bars = truth.bars("BTC-USDT", bar, from, now + 1);
            assertFalse(bars.isEmpty(), bar.okxName());
            TruthBar previous = null;
            for (TruthBar b : bars) {
                Candle c = b.toCandle();
                assertNull(c.insanity(), () -> bar + " " + b);
                assertTrue(bar.isOnGrid(b.ts()));
                if (previous != null && previous.volUnits() > 0 && b.volUnits() > 0) {
                    assertEquals(bar.next(previous.ts()), b.ts(), bar.okxName());
                    assertEquals(previous.close(), b.open(), () -> bar + " continuity at " + b.ts());
                }
                previous = b;
            }
        }
    }

    @Test
    void stringsLookLikeOkx() {
        String[] row = truth.row("BTC-USDT", Bar.M1, Bar.M1.openTime(clock.millis()) - 10 * MINUTE);
        assertEquals(9, row.length);
        assertTrue(row[1].matches("\\d+(\\.\\d)?"), row[1]);
        assertTrue(row[5].matches("\\d+\\.\\d{8}|0"), row[5]);
        assertEquals(row[6], row[7]);
        assertEquals("1", row[8]);
        String sol = truth.row("SOL-USDT", Bar.M1, Bar.M1.openTime(clock.millis()) - 10 * MINUTE)[1];
        assertTrue(sol.matches("\\d+(\\.\\d{1,2})?"), sol);
        assertEquals("0.01", truth.tickSize("SOL-USDT"));
    }

    @Test
    void aboutTwoPercentOfMinutesAreUntraded_atThePreviousClose() {
        long now = clock.millis();
        List<TruthBar> bars = truth.bars("BTC-USDT", Bar.M1, now - 10 * 86_400_000L, now);
        long untraded = bars.stream().filter(b -> b.volUnits() == 0).count();
        assertTrue(untraded > bars.size() / 100 && untraded < bars.size() * 3 / 100, "untraded " + untraded);
        for (int i = 1; i < bars.size(); i++) {
            TruthBar b = bars.get(i);
            if (b.volUnits() == 0) {
                assertEquals("0", b.fields()[5]);
                assertEquals(b.open(), b.high());
                assertEquals(b.open(), b.low());
                assertEquals(b.open(), b.close());
                assertEquals(bars.get(i - 1).close(), b.open(), "previous close at " + b.ts());
            }
        }
    }

    @Test
    void noBarBeforeTheListingBar_noneAfterNow() {
        long firstMinute = Bar.M1.openTime(LISTED);
        assertNull(truth.row("BTC-USDT", Bar.M1, firstMinute - MINUTE));
        assertEquals(firstMinute, truth.bars("BTC-USDT", Bar.M1, 0, firstMinute + 5 * MINUTE).getFirst().ts());
        assertEquals(Bar.MO1.openTime(LISTED), truth.bars("BTC-USDT", Bar.MO1, 0, clock.millis()).getFirst().ts());
        assertNull(truth.row("BTC-USDT", Bar.M1, Bar.M1.openTime(clock.millis()) + MINUTE));
        assertNull(truth.row("NEVER-LISTED", Bar.M1, Bar.M1.openTime(clock.millis())));
        assertNull(truth.row("BTC-USDT", Bar.M1, Bar.M1.openTime(clock.millis()) + 1), "off the grid");
    }

    @Test
    void unfinishedBarGrowsIntoTheFinalOne() {
        long open = Bar.H1.openTime(clock.millis());
        TruthBar done = truth.finalBar("BTC-USDT", Bar.H1, open);
        for (long t = open; t < open + 3_600_000L; t += 7 * MINUTE) {
            clock.set(t);
            TruthBar partial = truth.bar("BTC-USDT", Bar.H1, open);
            assertFalse(partial.confirmed());
            assertEquals("0", partial.fields()[8]);
            assertEquals(done.open(), partial.open());
            assertTrue(partial.high() <= done.high() && partial.low() >= done.low());
            assertTrue(partial.volUnits() <= done.volUnits());
        }
        clock.set(open + 3_600_000L);
        assertEquals(done, truth.bar("BTC-USDT", Bar.H1, open));
        assertEquals("1", truth.row("BTC-USDT", Bar.H1, open)[8]);
    }

    @Test
    void holesHaveNoBars_andAreSkippedAtOnce() {
        long now = clock.millis();
        long from = Bar.M1.openTime(now) - 400 * 86_400_000L;
        long to = Bar.M1.openTime(now) - 100 * MINUTE;
        truth.hole("BTC-USDT", Bar.M1, from, to);
        assertNull(truth.row("BTC-USDT", Bar.M1, to - MINUTE));
        List<TruthBar> bars = truth.bars("BTC-USDT", Bar.M1, 0, to + 2 * MINUTE);
        assertEquals(2, bars.size(), "only the two bars after the hole");
        assertEquals(to, bars.getFirst().ts());
        assertTrue(truth.row("BTC-USDT", Bar.M5, to - 10 * MINUTE) != null, "holes are per bar");
    }

    @Test
    void closedCandlesLeaveOutTheUnfinishedBar() {
        long now = clock.millis();
        List<Candle> closed = truth.closedCandles("BTC-USDT", Bar.M1, Bar.M1.openTime(now) - 10 * MINUTE, now + 1);
        assertEquals(10, closed.size());
        assertTrue(closed.stream().allMatch(Candle::confirmed));
        assertEquals(11, truth.rows("BTC-USDT", Bar.M1, Bar.M1.openTime(now) - 10 * MINUTE, now + 1).size());
    }

    @Test
    void calendarBarsFollowTheBarGrid() {
        List<TruthBar> months = truth.bars("BTC-USDT", Bar.MO1_UTC, 0, clock.millis() + 1);
        assertEquals(List.of("2025-11-01T00:00:00Z", "2025-12-01T00:00:00Z", "2026-01-01T00:00:00Z"),
            months.stream().map(b -> Instant.ofEpochMilli(b.ts()).toString()).toList());
        List<TruthBar> weeks = truth.bars("BTC-USDT", Bar.W1, clock.millis() - 21 * 86_400_000L, clock.millis() + 1);
        assertEquals(Instant.parse("2026-01-11T16:00:00Z").toEpochMilli(), weeks.getLast().ts(), "Monday 00:00 UTC+8");
    }
}
