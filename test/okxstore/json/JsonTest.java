package okxstore.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTest {

    private static final String RAW_HIGH = String.valueOf((char) 0xD800);
    private static final String RAW_LOW = String.valueOf((char) 0xDC00);

    @Test
    void integers_thatFitALong_areLongs() {
        assertEquals(0L, Json.parse("0"));
        assertEquals(-7L, Json.parse("-7"));
        assertEquals(1597026383085L, Json.parse("1597026383085"));
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(999_999_999_999_999_999L, Json.parse("999999999999999999"));
    }

    @Test
    void integers_beyondLong_areExactBigDecimals() {
        assertEquals(new BigDecimal("9223372036854775808"), Json.parse("9223372036854775808"));
        assertEquals(new BigDecimal("-9223372036854775809"), Json.parse("-9223372036854775809"));
        BigDecimal huge = (BigDecimal) Json.parse("123456789012345678901234567890123456789");
        assertEquals("123456789012345678901234567890123456789", huge.toString());
        assertEquals(0, huge.scale());
    }

    @Test
    void minusZero_isTheLongZero() {
        assertEquals(0L, Json.parse("-0"));
        assertEquals(new BigDecimal("0.0"), Json.parse("-0.0"));
    }

    @Test
    void numbers_withFractionOrExponent_areExactBigDecimals() {
        assertEquals(new BigDecimal("1.50"), Json.parse("1.50"));
        assertEquals(new BigDecimal("102806.1"), Json.parse("102806.1"));
        assertEquals(new BigDecimal("1E+400"), Json.parse("1E400"));
        assertEquals(new BigDecimal("-2.5E-7"), Json.parse("-2.5e-7"));
        assertEquals(new BigDecimal("1E+3"), Json.parse("1e+3"));
        assertEquals(new BigDecimal("15"), Json.parse("1.5e1"));
        assertEquals(new BigDecimal("0"), Json.parse("0e0"));
        assertEquals(new BigDecimal("0.1000000000000000055511151231257827"),
                Json.parse("0.1000000000000000055511151231257827"));
    }

    @Test
    void exponentBeyondBigDecimalRange_isRejectedAsOutOfRange() {
        for (String number : List.of("1e2147483649", "-1.5e-2147483647", "1e99999999999999999999")) {
            JsonException e = assertThrows(JsonException.class, () -> Json.parse("[" + number + "]"));
            assertEquals("Number out of range at offset 1", e.getMessage());
        }
        assertEquals(new BigDecimal("1e2147483648"), Json.parse("1e2147483648"));
    }

    @Test
    void literals_areBooleansAndNull() {
        assertEquals(Boolean.TRUE, Json.parse("true"));
        assertEquals(Boolean.FALSE, Json.parse("false"));
        assertNull(Json.parse("null"));
        assertEquals(java.util.Arrays.asList(true, false, null), Json.parse("[true,false,null]"));
    }

    @Test
    void strings_decodeEveryEscape() {
        assertEquals("\"\\/\b\f\n\r\t", Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
        assertEquals("é\u0000\u001f\u2028", Json.parse("\"\\u00e9\\u0000\\u001F\\u2028\""));
        assertEquals("😀", Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("😀", Json.parse("\"\\uD83D\\uDE00\""));
        assertEquals("a😀b", Json.parse("\"a\\ud83d\\ude00b\""));
    }

    @Test
    void strings_keepRawUnicode() {
        assertEquals("héllo 😀 \u2028 \u007f \uFEFF", Json.parse("\"héllo 😀 \u2028 \u007f \uFEFF\""));
        assertEquals("", Json.parse("\"\""));
        assertEquals("/", Json.parse("\"/\""));
    }

    @Test
    void objects_keepInsertionOrder() {
        Object parsed = Json.parse("{\"z\":1,\"a\":2,\"m\":{\"y\":true,\"b\":false},\"c\":null}");
        Map<?, ?> object = assertInstanceOf(LinkedHashMap.class, parsed);
        assertEquals(List.of("z", "a", "m", "c"), new ArrayList<>(object.keySet()));
        assertEquals(List.of("y", "b"), new ArrayList<>(((Map<?, ?>) object.get("m")).keySet()));
        assertNull(object.get("c"));
        assertEquals(true, object.containsKey("c"));
    }

    @Test
    void containers_mayBeEmptyAndSurroundedByJsonWhitespace() {
        assertEquals(Map.of(), Json.parse(" \t\r\n{ \t\r\n} \t\r\n"));
        assertEquals(List.of(), Json.parse("[ ]"));
        assertEquals(List.of(1L, List.of(), Map.of("a", List.of(2L))),
                Json.parse("[ 1 ,\n[ ] , { \"a\" : [ 2 ] } ]"));
    }

    @Test
    void keys_mayBeEscapedAndEmpty() {
        assertEquals(Map.of("", 1L, "a\nb", 2L), Json.parse("{\"\":1,\"a\\nb\":2}"));
    }

    @Test
    void nesting_atTheLimit_isAccepted() {
        String text = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        Object value = Json.parse(text);
        for (int level = 1; level < Json.MAX_DEPTH; level++) {
            value = ((List<?>) value).get(0);
        }
        assertEquals(List.of(), value);
    }

    @Test
    void nesting_oneBeyondTheLimit_isRejectedAtTheBracket() {
        String text = "[".repeat(513) + "]".repeat(513);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
        assertEquals("Nesting deeper than 512 at offset 512", e.getMessage());
        assertEquals(512, e.offset());
    }

    @Test
    void nesting_100000Arrays_failsCleanlyWithoutStackOverflow() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("[".repeat(100_000)));
        assertEquals("Nesting deeper than 512 at offset 512", e.getMessage());
    }

    @Test
    void nesting_100000Objects_failsCleanlyWithoutStackOverflow() {
        JsonException e = assertThrows(JsonException.class,
                () -> Json.parse("{\"a\":".repeat(100_000)));
        assertEquals("Nesting deeper than 512 at offset 2560", e.getMessage());
    }

    @Test
    void errorOffset_pointsAtTheOffendingChar() {
        JsonException e = assertThrows(JsonException.class,
                () -> Json.parse("{\"data\": [1, 2,3 4]}"));
        assertEquals("Expected ',' or ']' at offset 17", e.getMessage());
        assertEquals("Expected ',' or ']'", e.reason());
        assertEquals(17, e.offset());
    }

    @Test
    void duplicateKey_isRejectedAtTheSecondKey() {
        JsonException e = assertThrows(JsonException.class,
                () -> Json.parse("{\"a\":1,\"b\":{\"a\":2},\"a\":null}"));
        assertEquals("Duplicate key \"a\" at offset 19", e.getMessage());
    }

    @Test
    void duplicateKey_longKeyIsShortenedInTheMessage() {
        String key = "k".repeat(63) + "😀" + "x".repeat(100);
        String text = "{\"" + key + "\":1,\"" + key + "\":2}";
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
        assertEquals("Duplicate key \"" + "k".repeat(63) + "\"... at offset " + (key.length() + 6),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTexts")
    void invalidText_isRejectedWithPosition(String what, String text, String message) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
        assertEquals(message, e.getMessage());
        if (StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
            assertThrows(JsonException.class, () -> Json.parse(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    static Stream<Arguments> invalidTexts() {
        return Stream.of(
                bad("empty input", "", "Unexpected end of input at offset 0"),
                bad("whitespace only", " \n\t\r", "Unexpected end of input at offset 4"),
                bad("byte order mark", "\uFEFF{}", "Byte order mark is not allowed at offset 0"),
                bad("trailing comma in array", "[1,]", "Expected value at offset 3"),
                bad("trailing comma in object", "{\"a\":1,}", "Expected string key at offset 7"),
                bad("leading comma", "[,1]", "Expected value at offset 1"),
                bad("double comma", "[1,,2]", "Expected value at offset 3"),
                bad("missing comma in array", "[1 2]", "Expected ',' or ']' at offset 3"),
                bad("missing comma in object", "{\"a\":1 \"b\":2}", "Expected ',' or '}' at offset 7"),
                bad("unclosed array", "[1", "Unexpected end of input at offset 2"),
                bad("unclosed object", "{\"a\":1", "Unexpected end of input at offset 6"),
                bad("mismatched bracket", "[1}", "Expected ',' or ']' at offset 2"),
                bad("missing colon", "{\"a\" 1}", "Expected ':' at offset 5"),
                bad("key without value", "{\"a\"}", "Expected ':' at offset 4"),
                bad("colon without value", "{\"a\":}", "Expected value at offset 5"),
                bad("number key", "{1:2}", "Expected string key at offset 1"),
                bad("bare key", "{a:1}", "Expected string key at offset 1"),
                bad("single-quoted key", "{'a':1}", "Expected string key at offset 1"),
                bad("single-quoted string", "['a']", "Expected value at offset 1"),
                bad("second value", "1 2", "Expected end of input at offset 2"),
                bad("trailing garbage", "{} x", "Expected end of input at offset 3"),
                bad("extra closing bracket", "[]]", "Expected end of input at offset 2"),
                bad("trailing NUL", "{}\u0000", "Expected end of input at offset 2"),
                bad("line comment", "// c\n1", "Expected value at offset 0"),
                bad("block comment", "/* c */ 1", "Expected value at offset 0"),
                bad("trailing comment", "1 // c", "Expected end of input at offset 2"),
                bad("comment inside array", "[1,/*c*/2]", "Expected value at offset 3"),
                bad("leading zero", "01", "Leading zeros are not allowed at offset 0"),
                bad("negative leading zero", "-01", "Leading zeros are not allowed at offset 1"),
                bad("double zero", "[00]", "Leading zeros are not allowed at offset 1"),
                bad("plus sign", "+1", "Expected value at offset 0"),
                bad("bare fraction", ".5", "Expected value at offset 0"),
                bad("empty fraction at end", "1.", "Unexpected end of input at offset 2"),
                bad("empty fraction", "[1.]", "Expected digit at offset 3"),
                bad("fraction then exponent", "1.e5", "Expected digit at offset 2"),
                bad("empty exponent at end", "1e", "Unexpected end of input at offset 2"),
                bad("signed empty exponent", "1e+", "Unexpected end of input at offset 3"),
                bad("letter exponent", "1ex", "Expected digit at offset 2"),
                bad("lone minus", "-", "Unexpected end of input at offset 1"),
                bad("minus letter", "-a", "Expected digit at offset 1"),
                bad("hex number", "0x10", "Expected end of input at offset 1"),
                bad("digit separator", "1_000", "Expected end of input at offset 1"),
                bad("NaN", "NaN", "Expected value at offset 0"),
                bad("Infinity", "Infinity", "Expected value at offset 0"),
                bad("minus Infinity", "-Infinity", "Expected digit at offset 1"),
                bad("non-ASCII digit", "\u0661", "Expected value at offset 0"),
                bad("short true", "tru", "Expected 'true' at offset 0"),
                bad("short false", "[fals]", "Expected 'false' at offset 1"),
                bad("short null", "nul", "Expected 'null' at offset 0"),
                bad("capital True", "True", "Expected value at offset 0"),
                bad("null with tail", "nulls", "Expected end of input at offset 4"),
                bad("undefined", "undefined", "Expected value at offset 0"),
                bad("unterminated string", "\"abc", "Unexpected end of input at offset 4"),
                bad("raw newline in string", "\"a\nb\"",
                        "Unescaped control character U+000A in string at offset 2"),
                bad("raw tab in string", "\"a\tb\"",
                        "Unescaped control character U+0009 in string at offset 2"),
                bad("raw NUL in string", "\"\u0000\"",
                        "Unescaped control character U+0000 in string at offset 1"),
                bad("raw U+001F after escape", "\"\\n\u001f\"",
                        "Unescaped control character U+001F in string at offset 3"),
                bad("escape x", "\"\\x\"", "Invalid escape character 'x' at offset 1"),
                bad("escape quote", "\"\\'\"", "Invalid escape character U+0027 at offset 1"),
                bad("escape capital U", "\"\\U0041\"", "Invalid escape character 'U' at offset 1"),
                bad("escape at end", "\"\\", "Unexpected end of input at offset 2"),
                bad("short unicode escape", "\"\\u12\"", "Expected hexadecimal digit at offset 5"),
                bad("unicode escape at end", "\"\\u12", "Unexpected end of input at offset 5"),
                bad("non-hex unicode escape", "\"\\u00G0\"", "Expected hexadecimal digit at offset 5"),
                bad("non-ASCII hex digit", "\"\\u006\u0661\"", "Expected hexadecimal digit at offset 6"),
                bad("lone high surrogate escape", "\"\\ud800\"", "Unpaired surrogate U+D800 at offset 1"),
                bad("lone low surrogate escape", "\"\\udc00\"", "Unpaired surrogate U+DC00 at offset 1"),
                bad("high surrogate then letter escape", "\"\\ud800\\u0041\"",
                        "Unpaired surrogate U+D800 at offset 1"),
                bad("two high surrogate escapes", "[\"\\ud800\\ud800\"]",
                        "Unpaired surrogate U+D800 at offset 2"),
                bad("high surrogate escape then char", "\"\\ud800x\"",
                        "Unpaired surrogate U+D800 at offset 1"),
                bad("reversed surrogate escapes", "\"\\udc00\\ud800\"",
                        "Unpaired surrogate U+DC00 at offset 1"),
                bad("high surrogate then short escape", "\"\\ud800\\u12\"",
                        "Expected hexadecimal digit at offset 11"),
                bad("raw lone high surrogate", "\"a" + RAW_HIGH + "\"", "Unpaired surrogate U+D800 at offset 2"),
                bad("raw lone low surrogate", "\"" + RAW_LOW + "\"", "Unpaired surrogate U+DC00 at offset 1"),
                bad("raw high surrogate at end", "\"" + RAW_HIGH, "Unpaired surrogate U+D800 at offset 1"),
                bad("raw high, escaped low", "\"" + RAW_HIGH + "\\udc00\"", "Unpaired surrogate U+D800 at offset 1"),
                bad("escaped high, raw low", "\"\\ud800" + RAW_LOW + "\"", "Unpaired surrogate U+D800 at offset 1"),
                bad("raw surrogate outside string", "\uD83D\uDE00", "Expected value at offset 0"),
                bad("form feed as whitespace", "\f1", "Expected value at offset 0"),
                bad("vertical tab as whitespace", "1\u000b", "Expected end of input at offset 1"),
                bad("no-break space as whitespace", "[1,\u00a02]", "Expected value at offset 3"),
                bad("line separator as whitespace", "\u20281", "Expected value at offset 0"),
                bad("ideographic space as whitespace", "[\u3000]", "Expected value at offset 1"));
    }

    private static Arguments bad(String what, String text, String message) {
        return Arguments.of(what, text, message);
    }
}
