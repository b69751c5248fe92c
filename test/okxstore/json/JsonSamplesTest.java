package okxstore.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The OKX payloads copied from shared/okx/samples (provenance in SOURCES.md next to them). */
class JsonSamplesTest {

    private static final Path SAMPLES = Path.of("test/resources/okx/samples");

    static Stream<Path> jsonSamples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<Path> json = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
            assertFalse(json.isEmpty(), "no samples in " + SAMPLES.toAbsolutePath());
            return json.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonSamples")
    void jsonSample_isOneObject_andRoundTrips(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Object value = Json.parse(bytes);
        assertInstanceOf(Map.class, value);
        assertEquals(value, Json.parse(new String(bytes, StandardCharsets.UTF_8)));
        String written = Json.write(value);
        assertEquals(value, Json.parse(written));
        assertEquals(written, Json.write(Json.parse(written.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void candles_areArraysOfStrings() throws IOException {
        Map<?, ?> body = parse("rest_candles_docs_example.json");
        assertEquals(List.of("code", "msg", "data"), new ArrayList<>(body.keySet()));
        assertEquals("0", body.get("code"));
        List<?> rows = (List<?>) body.get("data");
        assertEquals(List.of("1597026383085", "3.721", "3.743", "3.677", "3.708", "8422410",
                "22698348.04828491", "12698348.04828491", "0"), rows.get(0));
    }

    @Test
    void notFoundError_hasANumericCode() throws IOException {
        Map<?, ?> body = parse("rest_error_404_unknown_path_capture_nautilus.json");
        assertEquals(404L, body.get("code"));
        assertEquals("404", body.get("error_code"));
        assertEquals(Map.of(), body.get("data"));
    }

    @Test
    void instruments2026_mixNumbersBooleansAndNestedObjects() throws IOException {
        Map<?, ?> instrument = (Map<?, ?>) ((List<?>) parse("rest_instruments_spot_docs_example_2026.json")
                .get("data")).get(0);
        assertEquals(1000000000L, instrument.get("instIdCode"));
        assertEquals(false, instrument.get("futureSettlement"));
        assertEquals(List.of("USDT"), instrument.get("tradeQuoteCcyList"));
        assertEquals(List.of("alias", "auctionEndTime", "baseCcy"),
                new ArrayList<>(instrument.keySet()).subList(0, 3));
    }

    @Test
    void instrumentsCapture_holdsAll513Instruments() throws IOException {
        List<?> data = (List<?>) parse("rest_instruments_spot_capture_2022-05_cryptofeed.json").get("data");
        assertEquals(513, data.size());
    }

    @Test
    void errorMessage_withEscapedQuotes_decodes() throws IOException {
        String msg = (String) parse("ws_error_60012_docs_example.json").get("msg");
        assertTrue(msg.startsWith("Invalid request: {\"op\": \"subscribe\", \"argss\""), msg);
    }

    @Test
    void candleStrings_stayStrings_notNumbers() throws IOException {
        Map<?, ?> push = parse("ws_candle1m_push_BTC-USDT_business_capture_2026-09.json");
        List<?> row = (List<?>) ((List<?>) push.get("data")).get(0);
        assertEquals("1.57843610", row.get(5));
        assertEquals(new BigDecimal("1.57843610"), new BigDecimal((String) row.get(5)));
    }

    /** Samples that are log lines or console prints, not JSON: each is refused as a whole. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "rest_error_51000_param_issue105.txt | Expected value at offset 0",
            "ws_error_60018_candle1s_issue106.txt | Expected value at offset 0",
            "ws_error_64001_migrated_to_business_issue27.txt | Expected ',' or ']' at offset 5",
            "ws_close_4004_no_data_issue236.txt | Expected value at offset 0",
            "ws_pong.txt | Expected value at offset 0",
            "ws_session_excerpt_capture_2022-05_cryptofeed.txt | Expected value at offset 0"})
    void textSample_isNotJson(String name, String message) throws IOException {
        byte[] bytes = Files.readAllBytes(SAMPLES.resolve(name));
        assertEquals(message, assertThrows(JsonException.class, () -> Json.parse(bytes)).getMessage());
    }

    /** JavaScript and Python object renderings look like JSON but use bare or single-quoted keys. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "rest_error_51000_param_issue105.txt | Expected string key at offset 2",
            "ws_error_60018_candle1s_issue106.txt | Expected string key at offset 4",
            "ws_error_64001_migrated_to_business_issue27.txt | Expected string key at offset 1"})
    void printedObject_isNotJson(String name, String message) throws IOException {
        String text = Files.readString(SAMPLES.resolve(name));
        String object = text.substring(text.indexOf('{')).strip();
        assertEquals(message, assertThrows(JsonException.class, () -> Json.parse(object)).getMessage());
    }

    @Test
    void sessionExcerpt_carriesOneJsonTextPerLineAfterTheRecorderPrefix() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLES.resolve("ws_session_excerpt_capture_2022-05_cryptofeed.txt"));
        List<Object> events = new ArrayList<>();
        for (String line : lines) {
            int json = line.indexOf(": {");
            if (json >= 0) {
                Map<?, ?> message = (Map<?, ?>) Json.parse(line.substring(json + 2));
                events.add(message.containsKey("op") ? message.get("op") : message.get("event"));
            }
        }
        assertEquals(List.of("subscribe", "subscribe", "subscribe", "subscribe", "subscribe", "subscribe"),
                events);
        assertThrows(JsonException.class, () -> Json.parse(String.join("\n", lines.subList(4, 6))));
    }

    private static Map<?, ?> parse(String name) throws IOException {
        return (Map<?, ?>) Json.parse(Files.readAllBytes(SAMPLES.resolve(name)));
    }
}
