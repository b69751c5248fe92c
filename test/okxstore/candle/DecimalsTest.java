package okxstore.candle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Doubles out as the shortest digits in plain notation, OKX's decimal strings in as the nearest double. */
class DecimalsTest {

    @ParameterizedTest
    @CsvSource({
        "1.5E9, 1500000000",
        "1500000000.5, 1500000000.5",
        "0.000012, 0.000012",
        "77082.7, 77082.7",
        "1.5784361, 1.5784361",
        "1.57843610, 1.5784361",
        "121697.290334104, 121697.290334104",
        "0, 0",
        "100, 100",
        "-3.25, -3.25",
        "1E15, 1000000000000000",
        "1E22, 10000000000000000000000",
        "1.2345678901234568E17, 123456789012345680",
        "1500000000000000.5, 1500000000000000.5",
        "1E-7, 0.0000001",
        "-1.2E-5, -0.000012",
        "0.30000000000000004, 0.30000000000000004"
    })
    void format_plainShortestDigits(double d, String expected) {
        assertEquals(expected, Decimals.format(d));
    }

    @Test
    void format_tinyAndHugeExtremes() {
        assertEquals("0." + "0".repeat(323) + "49", Decimals.format(Double.MIN_VALUE));
        assertEquals("17976931348623157" + "0".repeat(292), Decimals.format(Double.MAX_VALUE));
    }

    @Test
    void format_negativeZero_keepsItsSign_andReadsBackAsNegativeZero() {
        assertEquals("-0", Decimals.format(-0.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Decimals.parse(Decimals.format(-0.0))));
        assertEquals("0", Decimals.format(0.0));
    }

    @Test
    void format_nonFinite_usesJavaNames() {
        assertEquals("NaN", Decimals.format(Double.NaN));
        assertEquals("Infinity", Decimals.format(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Decimals.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void append_addsToTheBuilder() {
        StringBuilder sb = new StringBuilder("x=");
        Decimals.append(sb, 1.5E9);
        sb.append(',');
        Decimals.append(sb, 0.000012);
        assertEquals("x=1500000000,0.000012", sb.toString());
    }

    @Test
    void roundTrip_randomBitPatterns_plainAndShortest() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            check(d);
        }
    }

    @Test
    void roundTrip_pricesAndVolumes() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double scale = Math.pow(10, r.nextInt(-9, 12));
            check(Math.round(r.nextDouble() * 1e8) / 1e8 * scale);
            check(r.nextDouble() * scale);
        }
    }

    private static void check(double d) {
        String s = Decimals.format(d);
        assertFalse(s.indexOf('E') >= 0 || s.indexOf('e') >= 0, s);
        assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(Decimals.parse(s)), s);
        // the same digits as Double.toString, the shortest that read back (JDK 19+)
        assertEquals(0, new BigDecimal(Double.toString(d)).compareTo(new BigDecimal(s)), s);
        assertFalse(s.contains(".") && s.endsWith("0"), s);
    }

    @ParameterizedTest
    @CsvSource({"77082.7, 77082.7", "-0.5, -0.5", "1., 1", ".5, 0.5", "0.000012, 0.000012", "1e5, 100000",
        "1E-5, 0.00001", "2.5e+3, 2500", "00012, 12", "-0, -0"})
    void parse_decimalStrings(String text, String formatted) {
        assertEquals(formatted, Decimals.format(Decimals.parse(text)));
    }

    @Test
    void parse_isCorrectlyRounded() {
        assertEquals(0.1, Decimals.parse("0.1"));
        assertEquals(121697.290334104, Decimals.parse("121697.290334104"));
        assertEquals(Double.parseDouble("1.00000000000000011102230246251565404236316680908203125"),
            Decimals.parse("1.00000000000000011102230246251565404236316680908203125"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1e", "1e+", "0x10", "NaN", "Infinity", "-Infinity", "-", ".", "-.", "e5",
        "+1", " 1", "1 ", "1d", "1f", "1.2.3", "1,5", "--1", "0x1p3"})
    void parse_rejectsNonDecimals(String text) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Decimals.parse(text));
        assertEquals("not a decimal number: '" + text + "'", e.getMessage());
    }
}
