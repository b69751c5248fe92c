package okxstore.candle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Properties of every bar's grid over random instants (fixed seed): the open time, next, plus and countBetween agree. */
class BarGridPropertyTest {
    private static final long FROM = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
    private static final long TO = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

    @ParameterizedTest
    @EnumSource(Bar.class)
    void openTime_isOnTheGrid_andTheBarContainsTheInstant(Bar bar) {
        Random r = new Random(bar.ordinal() * 7919L + 1);
        for (int i = 0; i < 2_000; i++) {
            long t = FROM + (long) (r.nextDouble() * (TO - FROM));
            long open = bar.openTime(t);
            long next = bar.next(open);
            assertTrue(open <= t && t < next, () -> bar + " " + Instant.ofEpochMilli(t));
            assertTrue(bar.isOnGrid(open));
            assertTrue(bar.isOnGrid(next));
            assertEquals(open, bar.openTime(next - 1));
            assertEquals(open, bar.plus(next, -1));
            assertTrue(next - open <= bar.maxDurationMillis());
            assertEquals(2, bar.countBetween(open, next));
            int k = r.nextInt(40) - 20;
            long far = bar.plus(open, k);
            assertTrue(bar.isOnGrid(far));
            assertEquals(open, bar.plus(far, -k));
            assertEquals(Math.abs(k) + 1, k >= 0 ? bar.countBetween(open, far) : bar.countBetween(far, open));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Bar.class, names = {"H6", "H12", "D1", "D2", "D3", "W1", "MO1", "MO3",
        "H6_UTC", "H12_UTC", "D1_UTC", "D2_UTC", "D3_UTC", "W1_UTC", "MO1_UTC", "MO3_UTC"})
    void longBars_openAtMidnightOrOnTheHourInTheirZone(Bar bar) {
        ZoneOffset zone = bar.okxName().endsWith("utc") ? ZoneOffset.UTC : ZoneOffset.ofHours(8);
        Random r = new Random(bar.ordinal());
        for (int i = 0; i < 500; i++) {
            long t = FROM + (long) (r.nextDouble() * (TO - FROM));
            ZonedDateTime open = Instant.ofEpochMilli(bar.openTime(t)).atZone(zone);
            assertEquals(0, open.getMinute() + open.getSecond() + open.getNano());
            switch (bar) {
                case H6, H6_UTC -> assertEquals(0, open.getHour() % 6);
                case H12, H12_UTC -> assertEquals(0, open.getHour() % 12);
                case W1, W1_UTC -> {
                    assertEquals(0, open.getHour());
                    assertEquals(DayOfWeek.MONDAY, open.getDayOfWeek());
                }
                case MO1, MO1_UTC -> {
                    assertEquals(0, open.getHour());
                    assertEquals(1, open.getDayOfMonth());
                }
                case MO3, MO3_UTC -> {
                    assertEquals(0, open.getHour());
                    assertEquals(1, open.getDayOfMonth());
                    assertEquals(1, open.getMonthValue() % 3);
                }
                default -> assertEquals(0, open.getHour());
            }
        }
    }
}
