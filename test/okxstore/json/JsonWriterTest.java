package okxstore.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonWriterTest {

    @Test
    void scalars_areWrittenAsJson() {
        assertEquals("null", Json.write(null));
        assertEquals("true", Json.write(true));
        assertEquals("false", Json.write(false));
        assertEquals("\"a\"", Json.write("a"));
        assertEquals("-9223372036854775808", Json.write(Long.MIN_VALUE));
        assertEquals("42", Json.write(42));
        assertEquals("-3", Json.write((short) -3));
        assertEquals("7", Json.write((byte) 7));
        assertEquals("123456789012345678901234567890", Json.write(new BigInteger("123456789012345678901234567890")));
    }

    @Test
    void bigDecimals_keepTheirExactDigitsAndScale() {
        assertEquals("1.50", Json.write(new BigDecimal("1.50")));
        assertEquals("1E+400", Json.write(new BigDecimal("1E400")));
        assertEquals("-2.5E-7", Json.write(new BigDecimal("-2.5e-7")));
        assertEquals("123456789012345678901234567890", Json.write(new BigDecimal("123456789012345678901234567890")));
    }

    @Test
    void bigDecimal_thatWouldReadBackAsALong_getsAnExponent() {
        assertEquals("15E0", Json.write(new BigDecimal("1.5e1")));
        assertEquals("0E0", Json.write(BigDecimal.ZERO));
        assertEquals("-9223372036854775808E0", Json.write(BigDecimal.valueOf(Long.MIN_VALUE)));
        assertEquals("9223372036854775808", Json.write(BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE)));
    }

    @Test
    void doublesAndFloats_areWrittenWhenFinite() {
        assertEquals("1.5", Json.write(1.5));
        assertEquals("-0.0", Json.write(-0.0));
        assertEquals("1.0E20", Json.write(1e20));
        assertEquals("1.0E-5", Json.write(1e-5));
        assertEquals("0.5", Json.write(0.5f));
        assertEquals(new BigDecimal("1.0E20"), Json.parse(Json.write(1e20)));
    }

    @ParameterizedTest
    @MethodSource("unwritableValues")
    void valuesWithoutAJsonForm_areRejected(Object value) {
        JsonException e = assertThrows(JsonException.class, () -> Json.write(value));
        assertEquals(JsonException.NO_OFFSET, e.offset());
    }

    static Stream<Object> unwritableValues() {
        Map<Object, Object> intKey = new LinkedHashMap<>();
        intKey.put(1, "a");
        Map<Object, Object> nullKey = new LinkedHashMap<>();
        nullKey.put(null, "a");
        return Stream.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN,
                Float.POSITIVE_INFINITY, new AtomicLong(1), new Object(), 'c', new int[] {1},
                intKey, nullKey, List.of(Double.NaN), Map.of("a", new Object()));
    }

    @Test
    void rejection_namesTheProblem() {
        assertEquals("Cannot write a java.lang.Object as JSON",
                assertThrows(JsonException.class, () -> Json.write(new Object())).getMessage());
        assertEquals("Cannot write the number NaN (java.lang.Double) as JSON",
                assertThrows(JsonException.class, () -> Json.write(Double.NaN)).getMessage());
        assertEquals("Object key is not a String: 1",
                assertThrows(JsonException.class, () -> Json.write(Map.of(1, 2))).getMessage());
    }

    @Test
    void strings_escapeQuoteBackslashAndControlsOnly() {
        assertEquals("\"\\\"\\\\/\"", Json.write("\"\\/"));
        assertEquals("\"\\b\\t\\n\\f\\r\"", Json.write("\b\t\n\f\r"));
        assertEquals("\"\\u0000\\u0001\\u000b\\u001f \"", Json.write("\u0000\u0001\u000b\u001f "));
        assertEquals("\"é€😀\u007f\uFEFF\"", Json.write("é€😀\u007f\uFEFF"));
        assertEquals("\"a\\u2028b\\u2029c\"", Json.write("a\u2028b\u2029c"));
    }

    @Test
    void everyControlChar_isEscapedAndReadsBack() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        String written = Json.write(all.toString());
        for (int i = 0; i < written.length(); i++) {
            assertEquals(true, written.charAt(i) >= 0x20, "raw control char at " + i);
        }
        assertEquals(all.toString(), Json.parse(written));
    }

    @Test
    void loneSurrogates_areRejected() {
        for (String s : List.of("\uD800", "a\uDC00", "\uD800a", "\uDC00\uD800", "😀\uD83D")) {
            JsonException e = assertThrows(JsonException.class, () -> Json.write(s), s);
            assertEquals(true, e.getMessage().startsWith("Unpaired surrogate U+D"), e.getMessage());
        }
        assertEquals("Unpaired surrogate U+DC00 at index 1 of a string",
                assertThrows(JsonException.class, () -> Json.write("a\uDC00")).getMessage());
    }

    @Test
    void containers_keepOrderAndNest() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("z", 1L);
        object.put("a", Arrays.asList("x", null, List.of(), Map.of()));
        object.put("m", Map.of("k", true));
        assertEquals("{\"z\":1,\"a\":[\"x\",null,[],{}],\"m\":{\"k\":true}}", Json.write(object));
        assertEquals("{\"a\\nb\":\"\"}", Json.write(Map.of("a\nb", "")));
    }

    @Test
    void nesting_beyondTheLimit_isRejected() {
        Object deep = List.of();
        for (int i = 1; i < Json.MAX_DEPTH; i++) {
            deep = List.of(deep);
        }
        assertEquals("[".repeat(512) + "]".repeat(512), Json.write(deep));
        Object tooDeep = List.of(deep);
        assertEquals("Nesting deeper than 512",
                assertThrows(JsonException.class, () -> Json.write(tooDeep)).getMessage());
    }

    @Test
    void listContainingItself_isRejectedNotAStackOverflow() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        assertThrows(JsonException.class, () -> Json.write(loop));
    }

    @Test
    void writeTo_appendsToAnyAppendable() throws IOException {
        StringWriter out = new StringWriter();
        out.write("x=");
        Json.writeTo(out, Map.of("a", List.of(1L, "b")));
        assertEquals("x={\"a\":[1,\"b\"]}", out.toString());
    }

    @ParameterizedTest
    @MethodSource("documents")
    void roundTrip_parseWriteParse_givesAnEqualValue(String text) {
        Object value = Json.parse(text);
        String written = Json.write(value);
        assertEquals(value, Json.parse(written), written);
        assertEquals(written, Json.write(Json.parse(written)));
    }

    static Stream<String> documents() {
        return Stream.of("0", "-0", "-0.0", "1.5e1", "15e0", "0e0", "1E400", "-1e-400", "1.000",
                "1e2147483648", "12e-2147483647",
                "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                "123456789012345678901234567890.5", "true", "false", "null", "\"\"", "[]", "{}",
                "\"\\u0000\\u001f\\\"\\\\\\/\\b\\f\\n\\r\\t\\u2028\\u2029\u007f\"",
                "\"\\ud83d\\ude00 😀 é \\uFEFF\"",
                "{\"z\":[1,2.50,{\"\":null}],\"a\":{\"b\":{\"c\":[true,false,\"x\"]}}}",
                " [ 1 , [ [ ] ] , { \"k\" : -1.25E-3 } ] ",
                "[" + "[".repeat(510) + "]".repeat(510) + "]");
    }

    @Test
    void roundTrip_randomValues_readBackEqual() {
        SplittableRandom random = new SplittableRandom(8259);
        for (int i = 0; i < 500; i++) {
            Object value = randomValue(random, 0);
            assertEquals(value, Json.parse(Json.write(value)));
        }
    }

    /** A random value of the types the parser produces. */
    private static Object randomValue(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 4 ? 6 : 8);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong();
            case 3 -> new BigDecimal(BigInteger.valueOf(random.nextLong()).shiftLeft(random.nextInt(80)),
                    random.nextInt(-30, 30));
            case 4, 5 -> randomString(random);
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(5); n > 0; n--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int n = random.nextInt(5); n > 0; n--) {
                    map.put(randomString(random), randomValue(random, depth + 1));
                }
                yield map;
            }
        };
    }

    private static String randomString(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x20);
                case 2 -> random.nextInt(0x80, 0xD800);
                default -> random.nextInt(0xE000, 0x110000);
            };
            s.appendCodePoint(codePoint);
        }
        return s.toString();
    }
}
