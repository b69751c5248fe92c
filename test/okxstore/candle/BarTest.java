package okxstore.candle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bar names: OKX spellings, what users may type, table names and the unknown-bar error. */
class BarTest {
    private static final List<String> OKX_BARS = List.of("1s", "1m", "3m", "5m", "15m", "30m", "1H", "2H", "4H",
        "6H", "12H", "1D", "2D", "3D", "1W", "1M", "3M",
        "6Hutc", "12Hutc", "1Dutc", "2Dutc", "3Dutc", "1Wutc", "1Mutc", "3Mutc");

    @Test
    void everyOkxBarOfTheDesignExists_inOrder() {
        assertEquals(OKX_BARS, Arrays.stream(Bar.values()).map(Bar::okxName).toList());
    }

    @Test
    void tableNames_areTheDesignsLowerCaseNames() {
        List<String> expected = List.of("candles_1s", "candles_1m", "candles_3m", "candles_5m", "candles_15m",
            "candles_30m", "candles_1h", "candles_2h", "candles_4h", "candles_6h", "candles_12h", "candles_1d",
            "candles_2d", "candles_3d", "candles_1w", "candles_1mo", "candles_3mo",
            "candles_6h_utc", "candles_12h_utc", "candles_1d_utc", "candles_2d_utc", "candles_3d_utc",
            "candles_1w_utc", "candles_1mo_utc", "candles_3mo_utc");
        assertEquals(expected, Arrays.stream(Bar.values()).map(Bar::tableName).toList());
    }

    @Test
    void tableNames_differEvenIgnoringCase_becauseSqliteNamesAreCaseInsensitive() {
        Set<String> seen = new HashSet<>();
        for (Bar b : Bar.values()) {
            assertTrue(seen.add(b.tableName().toLowerCase(Locale.ROOT)), b.tableName());
            assertEquals(b.tableName().toLowerCase(Locale.ROOT), b.tableName());
        }
    }

    @Test
    void shortName_isTheTableNameWithoutPrefix() {
        assertEquals("1m", Bar.M1.shortName());
        assertEquals("1mo", Bar.MO1.shortName());
        assertEquals("1mo_utc", Bar.MO1_UTC.shortName());
        assertEquals("1d_utc", Bar.D1_UTC.shortName());
        assertEquals("1h", Bar.H1.shortName());
    }

    @ParameterizedTest
    @EnumSource(Bar.class)
    void parse_acceptsOkxNameShortNameAndSurroundingBlanks(Bar bar) {
        assertEquals(bar, Bar.parse(bar.okxName()));
        assertEquals(bar, Bar.parse(bar.shortName()));
        assertEquals(bar, Bar.parse(" " + bar.okxName() + "\t"));
        assertEquals(bar.okxName(), bar.toString());
    }

    @ParameterizedTest
    @CsvSource({
        "1h, H1", "1H, H1", "2h, H2", "4h, H4", "6h, H6", "12h, H12",
        "1m, M1", "3m, M3", "15m, M15", "1M, MO1", "3M, MO3",
        "1mo, MO1", "3mo, MO3", "1MO, MO1", "1mo_utc, MO1_UTC", "3mo_utc, MO3_UTC", "1Mutc, MO1_UTC",
        "1d, D1", "1D, D1", "2d, D2", "3D, D3", "1w, W1", "1W, W1", "1s, S1", "1S, S1",
        "1Dutc, D1_UTC", "1dutc, D1_UTC", "1DUTC, D1_UTC", "1d_utc, D1_UTC", "1D_UTC, D1_UTC",
        "6Hutc, H6_UTC", "6hutc, H6_UTC", "6h_utc, H6_UTC", "12Hutc, H12_UTC",
        "1wutc, W1_UTC", "1w_utc, W1_UTC", "3Dutc, D3_UTC"
    })
    void parse_acceptsWhatUsersType(String text, Bar expected) {
        assertEquals(expected, Bar.parse(text));
    }

    @Test
    void parse_minuteAndMonthDifferOnlyByCase() {
        assertEquals(Bar.M1, Bar.parse("1m"));
        assertEquals(Bar.MO1, Bar.parse("1M"));
        assertEquals(Bar.M3, Bar.parse("3m"));
        assertEquals(Bar.MO3, Bar.parse("3M"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2m", "1", "m", "1x", "1Y", "5D", "utc", "_utc", "1mutc", "1m_utc", "1H_utc",
        "4Hutc", "1sutc", "candles_1m", "1 m", "01m", "1h;drop", "../1m"})
    void parse_rejectsUnknownBars_listingTheValidOnes(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bar.parse(text));
        assertEquals("unknown bar '" + text + "' (valid: " + String.join(" ", OKX_BARS) + ")", e.getMessage());
    }

    @Test
    void parse_null_isAnUnknownBar() {
        assertThrows(IllegalArgumentException.class, () -> Bar.parse(null));
    }

    @Test
    void validNames_listsEveryOkxName() {
        assertEquals(String.join(" ", OKX_BARS), Bar.validNames());
    }

    @Test
    void durations_ofFixedBars() {
        assertEquals(1_000L, Bar.S1.durationMillis());
        assertEquals(60_000L, Bar.M1.durationMillis());
        assertEquals(900_000L, Bar.M15.durationMillis());
        assertEquals(3_600_000L, Bar.H1.durationMillis());
        assertEquals(4 * 3_600_000L, Bar.H4.durationMillis());
        assertEquals(12 * 3_600_000L, Bar.H12_UTC.durationMillis());
        assertEquals(86_400_000L, Bar.D1.durationMillis());
        assertEquals(3 * 86_400_000L, Bar.D3_UTC.durationMillis());
        assertEquals(7 * 86_400_000L, Bar.W1.durationMillis());
    }

    @ParameterizedTest
    @EnumSource(value = Bar.class, names = {"MO1", "MO3", "MO1_UTC", "MO3_UTC"})
    void calendarBars_haveNoFixedDuration(Bar bar) {
        assertTrue(bar.isCalendar());
        assertThrows(UnsupportedOperationException.class, bar::durationMillis);
        assertTrue(bar.maxDurationMillis() >= (bar == Bar.MO1 || bar == Bar.MO1_UTC ? 31 : 92) * 86_400_000L);
    }

    @ParameterizedTest
    @EnumSource(value = Bar.class, names = {"MO1", "MO3", "MO1_UTC", "MO3_UTC"}, mode = EnumSource.Mode.EXCLUDE)
    void fixedBars_maxDurationIsTheirDuration(Bar bar) {
        assertFalse(bar.isCalendar());
        assertEquals(bar.durationMillis(), bar.maxDurationMillis());
    }
}
