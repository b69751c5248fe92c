package okxstore.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import okxstore.candle.Candle;
import okxstore.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CandleRowsTest {
    static final Path SAMPLES = Path.of("test/resources/okx/samples");

    static String sample(String name) throws IOException {
        return Files.readString(SAMPLES.resolve(name));
    }

    @Test
    void decodePush_realBusinessCapture_givesEveryField() throws IOException {
        CandleRows.Push push = CandleRows.decodePush(sample("ws_candle1m_push_BTC-USDT_business_capture_2026-09.json"));
        assertEquals("candle1m", push.channel());
        assertEquals("BTC-USDT", push.instId());
        assertEquals(List.of(new Candle(1789470120000L, 77082.7, 77116.6, 77082.6, 77116.6, 1.5784361,
            121697.290334104, 121697.290334104, false)), push.rows());
        assertEquals(0, push.skipped());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws_candle1m_push_BTC-USDT-SWAP_capture_bitmyth.json",
        "ws_candle1H_push_BTC-USDT-SWAP_capture_unattributed.json", "ws_candle1D_push_confirm0_docs_example.json",
        "ws_candle1D_push_confirm1_nautilus_fixture.json", "ws_mark_price_candle1D_push_docs_example.json"})
    void decodePush_agreesWithTheGeneralParser(String name) throws IOException {
        String text = sample(name);
        assertEquals(CandleRows.pushOf(Json.parse(text)), CandleRows.decodePush(text));
    }

    @Test
    void decodePush_prettyPrintedConfirmOne_isConfirmed() throws IOException {
        CandleRows.Push push = CandleRows.decodePush(sample("ws_candle1D_push_confirm1_nautilus_fixture.json"));
        assertEquals("candle1D", push.channel());
        assertTrue(push.rows().get(0).confirmed());
        assertEquals(8533.02, push.rows().get(0).open());
    }

    @Test
    void decodePush_markPriceRowsOfSixFields_readConfirmFromTheSixth() throws IOException {
        // API-NOTES §7.13: SDKs misread confirm on mark-price candles
        CandleRows.Push push = CandleRows.decodePush(sample("ws_mark_price_candle1D_push_docs_example.json"));
        assertEquals("mark-price-candle1D", push.channel());
        assertEquals(2, push.rows().size());
        assertFalse(push.rows().get(0).confirmed());
        assertTrue(push.rows().get(1).confirmed());
        assertEquals(3.72, push.rows().get(1).close());
        assertEquals(0.0, push.rows().get(1).vol());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws_subscribe_ack_candle1D_docs_example.json", "ws_error_60012_docs_example.json",
        "ws_notice_64008_docs_example.json", "ws_login_ack_docs_example.json", "ws_pong.txt"})
    void decodePush_nonCandleMessages_mismatch(String name) throws IOException {
        assertThrows(CandleRows.Mismatch.class, () -> CandleRows.decodePush(sample(name)));
    }

    @Test
    void decodePush_dataBeforeArg_leavesItToTheGeneralParser() {
        String text = "{\"data\":[[\"1\",\"1\",\"1\",\"1\",\"1\",\"0\",\"0\",\"0\",\"1\"]],"
            + "\"arg\":{\"channel\":\"candle1m\",\"instId\":\"A-B\"}}";
        assertThrows(CandleRows.Mismatch.class, () -> CandleRows.decodePush(text));
        assertEquals(1, CandleRows.pushOf(Json.parse(text)).rows().size());
    }

    @Test
    void decodePage_capture_keepsRowsInTheOrderSent() throws IOException {
        CandleRows.Page page = CandleRows.decodePage(sample("rest_candles_TRB-USDT-SWAP_15m_capture_2023-11.json"));
        assertTrue(page.ok());
        assertEquals(5, page.rows().size());
        assertEquals(1701225000000L, page.rows().get(0).ts());
        assertFalse(page.rows().get(0).confirmed());
        assertEquals(1701221400000L, page.rows().get(4).ts());
        assertEquals(new Candle(1701224100000L, 78.38, 78.73, 78.34, 78.71, 88325, 8832.5, 693968, true),
            page.rows().get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest_candles_TRB-USDT-SWAP_15m_capture_2023-11.json", "rest_candles_capture_nautilus_full.json",
        "rest_candles_docs_example.json", "rest_history_candles_docs_example.json",
        "rest_error_50011_rate_limit_nautilus.json", "rest_error_51001_fixture_unattributed.json"})
    void decodePage_agreesWithTheGeneralParser(String name) throws IOException {
        String text = sample(name);
        assertEquals(CandleRows.pageOf(Json.parse(text)), CandleRows.decodePage(text));
    }

    @Test
    void decodePage_rateLimitBodyWithoutData_givesCodeAndMessage() throws IOException {
        CandleRows.Page page = CandleRows.decodePage(sample("rest_error_50011_rate_limit_nautilus.json"));
        assertEquals("50011", page.code());
        assertEquals("Too Many Requests", page.msg());
        assertTrue(page.rows().isEmpty());
    }

    @Test
    void decodePage_numericCode404_needsTheGeneralParser() throws IOException {
        String text = sample("rest_error_404_unknown_path_capture_nautilus.json");
        assertThrows(CandleRows.Mismatch.class, () -> CandleRows.decodePage(text));
        CandleRows.Page page = CandleRows.pageOf(Json.parse(text));
        assertEquals("404", page.code());
        assertEquals("Not Found", page.msg());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>502 Bad Gateway</body></html>", "", "{\"code\":\"0\",\"msg\":\"\",\"data\":[[\"1\"",
        "{\"code\":\"0\",\"msg\":\"\",\"data\":[]} x", "{\"code\":\"0\",\"code\":\"0\",\"data\":[]}",
        "{\"code\":\"0\",\"msg\":\"a\\\"b\",\"data\":[]}", "{\"code\":\"0\",\"msg\":\"\",\"data\":[[1,2,3,4,5,6,7,8,9]]}",
        "{\"code\":\"0\",\"msg\":\"\"}", "{\"code\":\"0\",\"data\":{}}", "{\"code\":\"0\",\"x\":tru,\"data\":[]}"})
    void decodePage_anythingUnexpected_mismatches(String text) {
        assertThrows(CandleRows.Mismatch.class, () -> CandleRows.decodePage(text));
    }

    @Test
    void decodePage_unknownKeysWithNestedValues_areSkipped() {
        String text = "{\"extra\":{\"a\":[1,-2.5e3,{\"b\":null,\"c\":\"x\\\"y\"}],\"t\":true},\"code\":\"0\","
            + "\"data\":[[\"60000\",\"1\",\"2\",\"0.5\",\"1.5\",\"10\",\"20\",\"30\",\"1\"]],\"msg\":\"\",\"f\":false}";
        CandleRows.Page page = CandleRows.decodePage(text);
        assertEquals(1, page.rows().size());
        assertEquals(CandleRows.pageOf(Json.parse(text)), page);
    }

    @Test
    void decodePage_extraTrailingColumns_areIgnored() {
        CandleRows.Page page = CandleRows.decodePage(
            "{\"code\":\"0\",\"msg\":\"\",\"data\":[[\"60000\",\"1\",\"2\",\"0.5\",\"1.5\",\"10\",\"20\",\"30\",\"1\",\"x\",\"y\"]]}");
        assertEquals(List.of(new Candle(60000, 1, 2, 0.5, 1.5, 10, 20, 30, true)), page.rows());
    }

    @Test
    void decodePage_badRows_areSkippedAndCountedNotTheWholePage() {
        String good = "[\"60000\",\"1\",\"2\",\"0.5\",\"1.5\",\"10\",\"20\",\"30\",\"1\"]";
        String text = "{\"code\":\"0\",\"msg\":\"\",\"data\":[" + good
            + ",[\"120000\",\"1\",\"abc\",\"0.5\",\"1.5\",\"10\",\"20\",\"30\",\"1\"]"   // not a decimal
            + ",[\"180000\",\"1\",\"2\",\"0.5\",\"1.5\",\"10\",\"20\"]"                  // 7 fields (pre-2022)
            + ",[\"240000\",\"1\",\"0.2\",\"0.5\",\"1.5\",\"10\",\"20\",\"30\",\"1\"]"   // high below low
            + ",[\"300000\",\"1\",\"2\",\"0.5\",\"1.5\",\"10\",\"20\",\"30\",\"2\"]"     // confirm 2
            + ",[\"x\",\"1\",\"2\",\"0.5\",\"1.5\",\"10\",\"20\",\"30\",\"1\"]"          // ts
            + "," + good.replace("60000", "360000") + "]}";
        CandleRows.Page page = CandleRows.decodePage(text);
        assertEquals(List.of(60000L, 360000L), page.rows().stream().map(Candle::ts).toList());
        assertEquals(5, page.skipped());
        assertEquals("row 1: field 2 'abc' is not a decimal", page.firstProblem());
        assertEquals(page, CandleRows.pageOf(Json.parse(text)));
    }

    @Test
    void pageOf_numbersInsteadOfStrings_areReadLeniently() {
        CandleRows.Page page = CandleRows.pageOf(Json.parse(
            "{\"code\":\"0\",\"msg\":\"\",\"data\":[[60000,1,2,0.5,1.5,10,20,30,\"1\"],{\"ts\":1},[60000,[1]]]}"));
        assertEquals(List.of(new Candle(60000, 1, 2, 0.5, 1.5, 10, 20, 30, true)), page.rows());
        assertEquals(2, page.skipped());
    }

    @Test
    void pageOf_notAnEnvelope_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> CandleRows.pageOf(Json.parse("[1,2]")));
        assertThrows(IllegalArgumentException.class, () -> CandleRows.pageOf(Json.parse("{\"msg\":\"x\"}")));
        assertThrows(IllegalArgumentException.class, () -> CandleRows.pageOf(Json.parse("{\"code\":\"0\",\"data\":{}}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "77082.7", "0.000012", "1.57843610", "121697.290334104", "22698348.04828491",
        "9007199254740993", "9007199254740992.5", "123456789012345678901234567890", "0.1e-30", "1E+22", "1e23",
        "4.9e-324", "1.7976931348623157e308", "1e400", "0.30000000000000004", "1.", ".5", "-.5", "00012.500"})
    void fastDecimal_isCorrectlyRounded(String s) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(FastDecimal.parse(s)), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "abc", "1e", "1e+", "1.2.3", "NaN", "Infinity", "0x10", "1d", " 1", "1 ", "+1", "e5"})
    void fastDecimal_notADecimal_isNaN(String s) {
        assertTrue(Double.isNaN(FastDecimal.parse(s)), s);
    }

    @Test
    void fastDecimal_randomDecimals_matchParseDouble() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int digits = 1 + random.nextInt(20);
            StringBuilder sb = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
            int point = random.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                if (d == point && d > 0) {
                    sb.append('.');
                }
                sb.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(5) == 0) {
                sb.append('e').append(random.nextInt(61) - 30);
            }
            String s = sb.toString();
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
                Double.doubleToRawLongBits(FastDecimal.parse(s)), s);
        }
    }

    @Test
    void fastDecimal_millis_acceptsOnlyDigits() {
        assertEquals(1789470120000L, FastDecimal.parseMillis("1789470120000"));
        assertEquals(-1, FastDecimal.parseMillis(""));
        assertEquals(-1, FastDecimal.parseMillis("-5"));
        assertEquals(-1, FastDecimal.parseMillis("1.5"));
        assertEquals(-1, FastDecimal.parseMillis("1234567890123456789"));
    }

    @Test
    void fieldsOf_knowsTheCandleChannels() {
        assertEquals(9, CandleRows.fieldsOf("candle1Dutc"));
        assertEquals(6, CandleRows.fieldsOf("index-candle1m"));
        assertEquals(-1, CandleRows.fieldsOf("tickers"));
        assertNull(CandleRows.decodePage("{\"code\":\"0\",\"msg\":\"\",\"data\":[]}").firstProblem());
    }
}
