package okxstore.okx;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import okxstore.candle.ExchangeException;
import okxstore.candle.ExchangeException.Kind;
import okxstore.candle.Instrument;
import okxstore.candle.InstrumentId;
import okxstore.json.Json;
import okxstore.json.JsonException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OkxErrorsTest {

    @ParameterizedTest(name = "HTTP {0} code {1} -> {2}")
    @CsvSource({
        "200, 51001, UNKNOWN_INSTRUMENT",
        "400, 51000, BAD_REQUEST",
        "400, 50014, BAD_REQUEST",
        "200, 50011, RATE_LIMITED",
        "429, 50011, RATE_LIMITED",
        "429, 50013, RATE_LIMITED",
        "200, 50040, RATE_LIMITED",
        "503, 50001, UNAVAILABLE",
        "400, 50004, UNAVAILABLE",
        "500, 50026, UNAVAILABLE",
        "502, 0, UNAVAILABLE",
        "429, '', RATE_LIMITED",
        "404, 404, BAD_REQUEST",
        "401, 50111, BAD_REQUEST",
        "200, 50047, BAD_REQUEST",
        "200, 52000, BAD_REQUEST",
        "301, 0, BAD_REQUEST",
    })
    void kind_followsTheCodeThenTheStatus(int status, String code, Kind kind) {
        assertEquals(kind, OkxErrors.kind(status, code));
    }

    @Test
    void kind_success_isNull() {
        assertNull(OkxErrors.kind(200, "0"));
        assertDoesNotThrow(() -> OkxErrors.check("candles BTC-USDT 1m", 200, "0", ""));
    }

    @Test
    void check_namesTheCallAndOkxsCodeAndText() {
        ExchangeException e = assertThrows(ExchangeException.class,
            () -> OkxErrors.check("history-candles BTC-USDT 1m", 400, "51000", "Parameter bar error"));
        assertEquals("history-candles BTC-USDT 1m: 51000 Parameter bar error", e.getMessage());
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertEquals("51000", e.code());
        assertFalse(e.retryable());
    }

    @Test
    void check_numericCodeOfThe404Body_isHandled() throws IOException {
        String body = CandleRowsTest.sample("rest_error_404_unknown_path_capture_nautilus.json");
        Envelope env = Envelope.of(Json.parse(body));
        ExchangeException e = assertThrows(ExchangeException.class,
            () -> OkxErrors.check("candles BTC-USDT 1m", 404, env.code(), env.msg()));
        assertEquals("candles BTC-USDT 1m: 404 Not Found", e.getMessage());
        assertEquals(Kind.BAD_REQUEST, e.kind());
    }

    @Test
    void check_errorStatusWithCodeZero_saysTheStatus() {
        ExchangeException e = assertThrows(ExchangeException.class, () -> OkxErrors.check("time", 503, "0", ""));
        assertEquals("time: HTTP 503", e.getMessage());
        assertEquals(Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void unparsable_htmlFromAProxy_isMalformedAndRetryable() {
        String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>...</body></html>";
        JsonException cause = assertThrows(JsonException.class, () -> Json.parse(html));
        ExchangeException e = OkxErrors.unparsable("candles BTC-USDT 1m", 502, html, cause);
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().startsWith("candles BTC-USDT 1m: malformed answer (HTTP 502): "), e.getMessage());
        assertTrue(e.getMessage().contains("<html>  <head><title>502 Bad Gateway"), e.getMessage());
        assertEquals(Kind.RATE_LIMITED, OkxErrors.unparsable("x", 429, "busy", cause).kind());
    }

    @Test
    void networkAndTimeout_areUnavailable() {
        ExchangeException refused = OkxErrors.network("time", new ConnectException("Connection refused"));
        assertEquals(Kind.UNAVAILABLE, refused.kind());
        assertEquals("time: Connection refused (ConnectException)", refused.getMessage());
        assertEquals("", refused.code());
        assertEquals(Kind.UNAVAILABLE, OkxErrors.network("time", new HttpTimeoutException("timed out")).kind());
        ExchangeException slow = OkxErrors.timeout("candles BTC-USDT 1m", Duration.ofSeconds(10));
        assertEquals("candles BTC-USDT 1m: no complete answer within 10000 ms", slow.getMessage());
        assertTrue(slow.retryable());
    }

    @Test
    void gaveUp_keepsKindAndCodeAndCountsAttempts() {
        ExchangeException last = new ExchangeException(Kind.RATE_LIMITED, "50011", "time: 50011 Too Many Requests");
        ExchangeException e = OkxErrors.gaveUp(last, 9);
        assertEquals("time: 50011 Too Many Requests (gave up after 9 attempts)", e.getMessage());
        assertEquals("50011", e.code());
        assertEquals(Kind.RATE_LIMITED, e.kind());
    }

    @Test
    void logThrottle_letsOneWarningThroughPerInterval_andCountsTheRest() {
        LogThrottle t = new LogThrottle(10);
        assertEquals(0, t.admit(100));
        assertEquals(LogThrottle.SUPPRESS, t.admit(105));
        assertEquals(LogThrottle.SUPPRESS, t.admit(109));
        assertEquals(2, t.admit(110));
        assertEquals("x (2 similar held back)", LogThrottle.withHeld("x", 2));
        assertEquals("x", LogThrottle.withHeld("x", 0));
    }

    @Test
    void excerpt_isOneShortLine() {
        assertEquals("a b", OkxErrors.excerpt("a\nb"));
        assertEquals(83, OkxErrors.excerpt("x".repeat(500)).length());
        assertEquals("", OkxErrors.excerpt(null));
    }

    @Test
    void instruments_typeFollowsTheIdsShape() {
        assertEquals(Optional.of("SPOT"), Instruments.typeOf(new InstrumentId("BTC-USDT")));
        assertEquals(Optional.of("SWAP"), Instruments.typeOf(new InstrumentId("BTC-USDT-SWAP")));
        assertEquals(Optional.of("FUTURES"), Instruments.typeOf(new InstrumentId("BTC-USD-250808")));
        assertEquals(Optional.of("OPTION"), Instruments.typeOf(new InstrumentId("BTC-USD-250808-60000-C")));
        assertEquals(Optional.empty(), Instruments.typeOf(new InstrumentId("BTC")));
        assertEquals(Optional.empty(), Instruments.typeOf(new InstrumentId("BTC-USD-25080-1-C")));
        assertEquals("instType=OPTION&instId=BTC-USD-250808-60000-P&instFamily=BTC-USD",
            Instruments.query(new InstrumentId("BTC-USD-250808-60000-P"), "OPTION"));
    }

    @Test
    void instruments_docsSample_withIntegerAndBooleanFields_isRead() throws IOException {
        Object json = Json.parse(CandleRowsTest.sample("rest_instruments_spot_docs_example_2026.json"));
        InstrumentId id = new InstrumentId("BTC-USDT");
        assertEquals(Optional.of(new Instrument(id, "SPOT", "live", 1606468572000L, 0)),
            Instruments.parse(id, "SPOT", Envelope.of(json).data()));
        assertEquals(Optional.empty(), Instruments.parse(new InstrumentId("ETH-USDT"), "SPOT", Envelope.of(json).data()));
    }

    @Test
    void settings_refuseNonsenseNamingTheValue() {
        RestSettings d = RestSettings.defaults();
        assertEquals(URI.create("https://www.okx.com"), d.baseUrl());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withDemo(false, "proxy"));
        assertTrue(e.getMessage().contains("'proxy'"), e.getMessage());
        assertEquals(3128, d.withDemo(true, "http://squid.local:3128/").proxyAddress().orElseThrow().getPort());
        assertThrows(IllegalArgumentException.class, () -> d.withBaseUrl(URI.create("ftp://x")));
        assertThrows(IllegalArgumentException.class,
            () -> d.withRetries(Duration.ZERO, 8, Duration.ofMillis(1), Duration.ofMillis(2)));
        assertThrows(IllegalArgumentException.class,
            () -> d.withRates(1.5, Duration.ofSeconds(2), Duration.ZERO, 40, 20, 20, 10));
    }
}
