package okxstore.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strict RFC 8259 JSON: text to plain Java values and back. Stateless and thread-safe.
 *
 * <p>Values are {@code Map<String, Object>} (a {@link java.util.LinkedHashMap} in document
 * order), {@code List<Object>}, {@code String}, {@code Long} (integers that fit a long),
 * {@code BigDecimal} (larger integers, and any number with a fraction or exponent, kept
 * exactly), {@code Boolean}, and {@code null} for JSON null.
 *
 * <p>The parser accepts exactly one JSON text and nothing else: no byte order mark, comments,
 * trailing commas, single quotes, NaN, leading zeros, duplicate keys, unpaired surrogates, or
 * whitespace beyond space, tab, LF and CR. Arrays and objects nest at most {@link #MAX_DEPTH}
 * deep. Errors are {@link JsonException}s that say what was expected and where.
 */
public final class Json {

    /** How deep arrays and objects may nest, in both the parser and the writer. */
    public static final int MAX_DEPTH = 512;

    private Json() {
    }

    /**
     * Parses one JSON text.
     *
     * @param text the whole JSON text
     * @return the value, as described in the class comment; {@code null} for JSON null
     * @throws JsonException if the text is not exactly one strict JSON value, with a char offset
     */
    public static Object parse(String text) {
        Objects.requireNonNull(text, "text");
        return new JsonParser(text, MAX_DEPTH).parseDocument();
    }

    /**
     * Parses one JSON text encoded as UTF-8, validated strictly first: overlong forms, encoded
     * surrogates, truncated sequences and code points above U+10FFFF are rejected.
     *
     * @param utf8 the whole JSON text as UTF-8 bytes
     * @return the value, as described in the class comment; {@code null} for JSON null
     * @throws JsonException if the bytes are not UTF-8 or not exactly one strict JSON value,
     *     with a byte offset
     */
    public static Object parse(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        Utf8.validate(utf8);
        String text = new String(utf8, StandardCharsets.UTF_8);
        try {
            return new JsonParser(text, MAX_DEPTH).parseDocument();
        } catch (JsonException e) {
            if (text.length() == utf8.length) {
                throw e; // all ASCII: char offsets are byte offsets
            }
            throw e.atOffset(Utf8.encodedLength(text, e.offset()));
        }
    }

    /**
     * Writes a value as compact JSON text (no whitespace). Strings escape {@code "}, {@code \},
     * control characters and U+2028/U+2029, and keep all other characters as they are.
     *
     * @param value a {@code Map} with {@code String} keys, {@code List}, {@code String},
     *     {@code Boolean}, {@code null}, or a {@code Long}, {@code Integer}, {@code Short},
     *     {@code Byte}, {@code BigInteger}, {@code BigDecimal}, or finite {@code Double} or
     *     {@code Float}; nested to any of these
     * @return the JSON text; {@code parse(write(parse(text)))} equals {@code parse(text)}
     * @throws JsonException if some value has no JSON form (another type, a non-finite double,
     *     an unpaired surrogate in a string, nesting deeper than {@link #MAX_DEPTH})
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        try {
            new JsonWriter(out, MAX_DEPTH).write(value);
        } catch (IOException e) {
            throw new UncheckedIOException("StringBuilder does not throw", e);
        }
        return out.toString();
    }

    /**
     * Writes a value as compact JSON text to {@code out}, as {@link #write(Object)} does. On a
     * {@link JsonException} part of the text may already have been appended.
     *
     * @throws IOException if {@code out} throws it
     * @throws JsonException if some value has no JSON form
     */
    public static void writeTo(Appendable out, Object value) throws IOException {
        Objects.requireNonNull(out, "out");
        new JsonWriter(out, MAX_DEPTH).write(value);
    }
}
