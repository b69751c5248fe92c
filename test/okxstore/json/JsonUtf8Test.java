package okxstore.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Json#parse(byte[])}: strict UTF-8 and byte offsets. */
class JsonUtf8Test {

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wellFormed")
    void wellFormedSequence_decodesToItsCodePoint(String hex, String expected) {
        assertEquals(expected, Json.parse(quoted(hex)));
    }

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("7f", "\u007f"),
                Arguments.of("c280", "\u0080"),
                Arguments.of("c3a9", "é"),
                Arguments.of("dfbf", "\u07ff"),
                Arguments.of("e0a080", "\u0800"),
                Arguments.of("e282ac", "€"),
                Arguments.of("ed9fbf", "\ud7ff"),
                Arguments.of("ee8080", "\ue000"),
                Arguments.of("efbbbf", "\ufeff"),
                Arguments.of("efbfbf", "\uffff"),
                Arguments.of("f0908080", "\ud800\udc00"),
                Arguments.of("f09f9880", "😀"),
                Arguments.of("f48fbfbf", "\udbff\udfff"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedSequence_isRejectedAtItsLeadByte(String hex, String message) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(quoted(hex)));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("80", "Unexpected UTF-8 continuation byte (byte 0x80) at offset 1"),
                Arguments.of("bf", "Unexpected UTF-8 continuation byte (byte 0xBF) at offset 1"),
                Arguments.of("c080", "Overlong UTF-8 encoding (byte 0xC0) at offset 1"),
                Arguments.of("c1bf", "Overlong UTF-8 encoding (byte 0xC1) at offset 1"),
                Arguments.of("e08080", "Overlong UTF-8 encoding (byte 0xE0) at offset 1"),
                Arguments.of("e09fbf", "Overlong UTF-8 encoding (byte 0xE0) at offset 1"),
                Arguments.of("f0808080", "Overlong UTF-8 encoding (byte 0xF0) at offset 1"),
                Arguments.of("f08fbfbf", "Overlong UTF-8 encoding (byte 0xF0) at offset 1"),
                Arguments.of("eda080", "UTF-8 encoded surrogate (byte 0xED) at offset 1"),
                Arguments.of("edbfbf", "UTF-8 encoded surrogate (byte 0xED) at offset 1"),
                Arguments.of("eda0bdedb880", "UTF-8 encoded surrogate (byte 0xED) at offset 1"),
                Arguments.of("f4908080", "UTF-8 code point above U+10FFFF (byte 0xF4) at offset 1"),
                Arguments.of("f5808080", "UTF-8 code point above U+10FFFF (byte 0xF5) at offset 1"),
                Arguments.of("f7bfbfbf", "UTF-8 code point above U+10FFFF (byte 0xF7) at offset 1"),
                Arguments.of("f8888080", "Invalid UTF-8 byte (byte 0xF8) at offset 1"),
                Arguments.of("fe", "Invalid UTF-8 byte (byte 0xFE) at offset 1"),
                Arguments.of("ff", "Invalid UTF-8 byte (byte 0xFF) at offset 1"),
                Arguments.of("c3", "Truncated UTF-8 sequence (byte 0xC3) at offset 1"),
                Arguments.of("c341", "Truncated UTF-8 sequence (byte 0xC3) at offset 1"),
                Arguments.of("e282", "Truncated UTF-8 sequence (byte 0xE2) at offset 1"),
                Arguments.of("f09f98", "Truncated UTF-8 sequence (byte 0xF0) at offset 1"),
                Arguments.of("41f09f98", "Truncated UTF-8 sequence (byte 0xF0) at offset 2"),
                Arguments.of("f09fc3a9", "Truncated UTF-8 sequence (byte 0xF0) at offset 1"));
    }

    @Test
    void truncatedSequence_atTheVeryEnd_isRejected() {
        byte[] bytes = {'"', 'a', (byte) 0xE2, (byte) 0x82};
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(bytes));
        assertEquals("Truncated UTF-8 sequence (byte 0xE2) at offset 2", e.getMessage());
        assertEquals(2, e.offset());
    }

    @Test
    void byteOrderMark_isRejected() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(bytes));
        assertEquals("Byte order mark is not allowed at offset 0", e.getMessage());
    }

    @Test
    void syntaxErrorAfterNonAscii_reportsAByteOffset() {
        JsonException accent = assertThrows(JsonException.class,
                () -> Json.parse("[\"é\",]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Expected value at offset 6", accent.getMessage());
        JsonException emoji = assertThrows(JsonException.class,
                () -> Json.parse("[\"€😀\" x]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Expected ',' or ']' at offset 11", emoji.getMessage());
        assertEquals(11, emoji.offset());
    }

    @Test
    void syntaxErrorInAsciiInput_hasTheSameOffsetAsForText() {
        String text = "{\"data\": [1, 2,3 4]}";
        JsonException e = assertThrows(JsonException.class,
                () -> Json.parse(text.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("Expected ',' or ']' at offset 17", e.getMessage());
    }

    @Test
    void bytes_parseToTheSameValueAsText() {
        String text = "{\"a\":[\"é€😀\\u2028\",1,2.5,true,null],\"ключ\":{\"\":\"\\ud83d\\ude00\"}}";
        Object fromBytes = Json.parse(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(Json.parse(text), fromBytes);
        assertEquals(Map.of("", "😀"), ((Map<?, ?>) fromBytes).get("ключ"));
        assertEquals(List.of("é€😀\u2028", 1L, new java.math.BigDecimal("2.5"), true),
                ((List<?>) ((Map<?, ?>) fromBytes).get("a")).subList(0, 4));
    }

    @Test
    void emptyBytes_areRejected() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(new byte[0]));
        assertEquals("Unexpected end of input at offset 0", e.getMessage());
    }

    /** A JSON string literal whose content is the given bytes, unchanged. */
    private static byte[] quoted(String hex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('"');
        out.writeBytes(HexFormat.of().parseHex(hex));
        out.write('"');
        return out.toByteArray();
    }
}
