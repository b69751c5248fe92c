package okxstore.candle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The grid of bar open times: UTC+8 alignment from 6H up (API-NOTES §3.4), UTC for the utc variants,
 * weeks from Monday, calendar months and quarters, at month ends, leap days and year boundaries.
 */
class BarAlignmentTest {

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @ParameterizedTest(name = "{0} at {1} opens {2}")
    @CsvSource({
        // short bars: plain UTC grid
        "1s,  2024-03-01T12:34:56.789Z, 2024-03-01T12:34:56Z",
        "1m,  2024-03-01T12:34:56.789Z, 2024-03-01T12:34:00Z",
        "5m,  2024-03-01T12:34:56.789Z, 2024-03-01T12:30:00Z",
        "15m, 2024-03-01T12:34:56.789Z, 2024-03-01T12:30:00Z",
        "30m, 2024-03-01T12:29:59.999Z, 2024-03-01T12:00:00Z",
        "1H,  2024-03-01T12:34:56Z,     2024-03-01T12:00:00Z",
        "2H,  2024-03-01T13:59:59Z,     2024-03-01T12:00:00Z",
        "4H,  2024-03-01T03:59:59Z,     2024-03-01T00:00:00Z",
        // 6H and 12H: UTC+8, so they open at 16, 22, 04, 10 UTC (6H) and 16, 04 UTC (12H)
        "6H,     2024-01-01T03:59:59.999Z, 2023-12-31T22:00:00Z",
        "6H,     2024-01-01T04:00:00Z,     2024-01-01T04:00:00Z",
        "6Hutc,  2024-01-01T03:59:59.999Z, 2024-01-01T00:00:00Z",
        "12H,    2024-01-01T03:00:00Z,     2023-12-31T16:00:00Z",
        "12H,    2024-01-01T04:00:00Z,     2024-01-01T04:00:00Z",
        "12Hutc, 2024-01-01T03:00:00Z,     2024-01-01T00:00:00Z",
        // 1D opens at 16:00 UTC of the previous day; 1Dutc at midnight UTC
        "1D,    2024-03-01T12:00:00Z,     2024-02-29T16:00:00Z",
        "1D,    2024-03-01T15:59:59.999Z, 2024-02-29T16:00:00Z",
        "1D,    2024-03-01T16:00:00Z,     2024-03-01T16:00:00Z",
        "1Dutc, 2024-03-01T15:59:59.999Z, 2024-03-01T00:00:00Z",
        "1Dutc, 2024-02-29T23:59:59.999Z, 2024-02-29T00:00:00Z",
        // 1W: Monday 00:00 UTC+8 = Sunday 16:00 UTC; 1Wutc: Monday 00:00 UTC (2024-03-04 is a Monday)
        "1W,    2024-03-04T10:00:00Z,     2024-03-03T16:00:00Z",
        "1W,    2024-03-03T16:00:00Z,     2024-03-03T16:00:00Z",
        "1W,    2024-03-03T15:59:59.999Z, 2024-02-25T16:00:00Z",
        "1Wutc, 2024-03-03T20:00:00Z,     2024-02-26T00:00:00Z",
        "1Wutc, 2024-03-04T00:00:00Z,     2024-03-04T00:00:00Z",
        // weeks across the year boundary (2024-12-30 is a Monday)
        "1W,    2025-01-01T00:00:00Z,     2024-12-29T16:00:00Z",
        "1Wutc, 2025-01-01T00:00:00Z,     2024-12-30T00:00:00Z",
        // 1M: the 1st 00:00 UTC+8 = the previous month's last day 16:00 UTC; leap year 2024
        "1M,    2024-02-29T15:59:59.999Z, 2024-01-31T16:00:00Z",
        "1M,    2024-02-29T16:00:00Z,     2024-02-29T16:00:00Z",
        "1M,    2024-03-01T15:59:59.999Z, 2024-02-29T16:00:00Z",
        "1M,    2024-03-15T00:00:00Z,     2024-02-29T16:00:00Z",
        "1M,    2023-03-15T00:00:00Z,     2023-02-28T16:00:00Z",
        "1M,    2024-02-15T00:00:00Z,     2024-01-31T16:00:00Z",
        "1Mutc, 2024-02-29T23:59:59.999Z, 2024-02-01T00:00:00Z",
        "1Mutc, 2024-03-01T00:00:00Z,     2024-03-01T00:00:00Z",
        "1Mutc, 2024-12-31T23:59:59.999Z, 2024-12-01T00:00:00Z",
        // 1M across the year boundary: 2025-01-01 00:00 UTC+8 is 2024-12-31 16:00 UTC
        "1M,    2024-12-31T15:59:59.999Z, 2024-11-30T16:00:00Z",
        "1M,    2024-12-31T16:00:00Z,     2024-12-31T16:00:00Z",
        // quarters start in January, April, July, October
        "3M,    2024-05-15T00:00:00Z,     2024-03-31T16:00:00Z",
        "3M,    2024-03-31T15:59:59.999Z, 2023-12-31T16:00:00Z",
        "3M,    2024-12-31T15:59:59.999Z, 2024-09-30T16:00:00Z",
        "3M,    2024-12-31T16:00:00Z,     2024-12-31T16:00:00Z",
        "3M,    2024-08-01T00:00:00Z,     2024-06-30T16:00:00Z",
        "3Mutc, 2024-05-15T00:00:00Z,     2024-04-01T00:00:00Z",
        "3Mutc, 2024-03-31T23:59:59.999Z, 2024-01-01T00:00:00Z",
        "3Mutc, 2024-10-01T00:00:00Z,     2024-10-01T00:00:00Z",
        "3Mutc, 2024-12-31T23:59:59.999Z, 2024-10-01T00:00:00Z",
    })
    void openTime_ofTheBarContainingAnInstant(String bar, String at, String opens) {
        assertEquals(Instant.parse(opens), Instant.ofEpochMilli(Bar.parse(bar).openTime(ms(at))));
    }

    @Test
    void multiDayBars_openAtUtcPlus8Midnight_orUtcMidnight() {
        long t = ms("2024-06-10T09:00:00Z");
        for (Bar b : new Bar[] {Bar.D2, Bar.D3}) {
            assertEquals(16, Instant.ofEpochMilli(b.openTime(t)).atZone(java.time.ZoneOffset.UTC).getHour(), b.okxName());
        }
        for (Bar b : new Bar[] {Bar.D2_UTC, Bar.D3_UTC}) {
            assertEquals(0, b.openTime(t) % 86_400_000L, b.okxName());
        }
    }

    @Test
    void shortBars_areTheSameUnderBothAlignments() {
        // 8 h is a multiple of 1, 2 and 4 h, so these open on the UTC grid
        long t = ms("2024-03-01T07:59:59Z");
        assertEquals(ms("2024-03-01T04:00:00Z"), Bar.H4.openTime(t));
        assertEquals(ms("2024-03-01T06:00:00Z"), Bar.H2.openTime(t));
    }

    @Test
    void next_stepsByDuration_orByCalendarMonth() {
        assertEquals(ms("2024-03-01T00:01:00Z"), Bar.M1.next(ms("2024-03-01T00:00:00Z")));
        assertEquals(ms("2024-03-01T16:00:00Z"), Bar.D1.next(ms("2024-02-29T16:00:00Z")));
        // February of a leap year has 29 days, of 2023 28
        assertEquals(ms("2024-02-29T16:00:00Z"), Bar.MO1.next(ms("2024-01-31T16:00:00Z")));
        assertEquals(ms("2023-02-28T16:00:00Z"), Bar.MO1.next(ms("2023-01-31T16:00:00Z")));
        assertEquals(ms("2024-03-01T00:00:00Z"), Bar.MO1_UTC.next(ms("2024-02-01T00:00:00Z")));
        assertEquals(ms("2025-01-01T00:00:00Z"), Bar.MO1_UTC.next(ms("2024-12-01T00:00:00Z")));
        assertEquals(ms("2024-12-31T16:00:00Z"), Bar.MO3.next(ms("2024-09-30T16:00:00Z")));
        assertEquals(ms("2025-01-01T00:00:00Z"), Bar.MO3_UTC.next(ms("2024-10-01T00:00:00Z")));
        assertEquals(ms("2024-03-10T16:00:00Z"), Bar.W1.next(ms("2024-03-03T16:00:00Z")));
    }

    @Test
    void plus_goesBackwardsWithNegativeCounts() {
        assertEquals(ms("2024-02-29T16:00:00Z"), Bar.MO1.plus(ms("2024-03-31T16:00:00Z"), -1));
        assertEquals(ms("2023-02-01T00:00:00Z"), Bar.MO1_UTC.plus(ms("2024-03-01T00:00:00Z"), -13));
        assertEquals(ms("2023-10-01T00:00:00Z"), Bar.MO3_UTC.plus(ms("2024-04-01T00:00:00Z"), -2));
        assertEquals(ms("2024-02-29T23:59:00Z"), Bar.M1.plus(ms("2024-03-01T00:00:00Z"), -1));
        assertEquals(ms("2024-03-01T00:00:00Z"), Bar.H1.plus(ms("2024-03-01T00:00:00Z"), 0));
    }

    @Test
    void countBetween_isInclusive_andZeroWhenReversed() {
        assertEquals(1440, Bar.M1.countBetween(ms("2024-03-01T00:00:00Z"), ms("2024-03-01T23:59:00Z")));
        assertEquals(1, Bar.H1.countBetween(ms("2024-03-01T00:00:00Z"), ms("2024-03-01T00:00:00Z")));
        assertEquals(0, Bar.H1.countBetween(ms("2024-03-01T01:00:00Z"), ms("2024-03-01T00:00:00Z")));
        assertEquals(366, Bar.D1_UTC.countBetween(ms("2024-01-01T00:00:00Z"), ms("2024-12-31T00:00:00Z")));
        assertEquals(12, Bar.MO1_UTC.countBetween(ms("2024-01-01T00:00:00Z"), ms("2024-12-01T00:00:00Z")));
        assertEquals(13, Bar.MO1.countBetween(ms("2023-12-31T16:00:00Z"), ms("2024-12-31T16:00:00Z")));
        assertEquals(5, Bar.MO3.countBetween(ms("2023-12-31T16:00:00Z"), ms("2024-12-31T16:00:00Z")));
        assertEquals(0, Bar.MO3.countBetween(ms("2024-12-31T16:00:00Z"), ms("2023-12-31T16:00:00Z")));
    }

    @Test
    void isOnGrid_followsTheAlignment() {
        assertTrue(Bar.D1.isOnGrid(ms("2024-02-29T16:00:00Z")));
        assertFalse(Bar.D1.isOnGrid(ms("2024-03-01T00:00:00Z")));
        assertTrue(Bar.D1_UTC.isOnGrid(ms("2024-03-01T00:00:00Z")));
        assertFalse(Bar.D1_UTC.isOnGrid(ms("2024-02-29T16:00:00Z")));
        assertTrue(Bar.MO1.isOnGrid(ms("2024-02-29T16:00:00Z")));
        assertFalse(Bar.MO1.isOnGrid(ms("2024-03-01T00:00:00Z")));
        assertTrue(Bar.MO1_UTC.isOnGrid(ms("2024-03-01T00:00:00Z")));
        assertFalse(Bar.MO3_UTC.isOnGrid(ms("2024-03-01T00:00:00Z")));
        assertTrue(Bar.W1.isOnGrid(ms("2024-03-03T16:00:00Z")));
        assertFalse(Bar.W1.isOnGrid(ms("2024-03-04T16:00:00Z")));
        assertTrue(Bar.M1.isOnGrid(ms("2024-03-01T00:01:00Z")));
        assertFalse(Bar.M1.isOnGrid(ms("2024-03-01T00:01:00.001Z")));
    }
}
