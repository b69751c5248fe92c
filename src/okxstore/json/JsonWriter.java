package okxstore.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes plain Java values as compact JSON text to an {@link Appendable}. Single use, one
 * thread; nesting is capped like the parser's, which also stops a list that contains itself.
 */
final class JsonWriter {

    /** Escapes for U+0000..U+001F: the short forms where JSON has one, else a six-char form. */
    private static final String[] CONTROL_ESCAPES = new String[0x20];

    static {
        for (int c = 0; c < CONTROL_ESCAPES.length; c++) {
            CONTROL_ESCAPES[c] = String.format(Locale.ROOT, "\\u%04x", c);
        }
        CONTROL_ESCAPES['\b'] = "\\b";
        CONTROL_ESCAPES['\t'] = "\\t";
        CONTROL_ESCAPES['\n'] = "\\n";
        CONTROL_ESCAPES['\f'] = "\\f";
        CONTROL_ESCAPES['\r'] = "\\r";
    }

    private final Appendable out;
    private final int maxDepth;
    private int depth;

    JsonWriter(Appendable out, int maxDepth) {
        this.out = out;
        this.maxDepth = maxDepth;
    }

    void write(Object value) throws IOException {
        switch (value) {
            case null -> out.append("null");
            case String string -> writeString(string);
            case Boolean bool -> out.append(bool ? "true" : "false");
            case Number number -> writeNumber(number);
            case Map<?, ?> object -> writeObject(object);
            case List<?> array -> writeArray(array);
            default -> throw new JsonException(
                    "Cannot write a " + value.getClass().getName() + " as JSON", JsonException.NO_OFFSET);
        }
    }

    private void writeObject(Map<?, ?> object) throws IOException {
        enterNesting();
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new JsonException("Object key is not a String: " + entry.getKey(),
                        JsonException.NO_OFFSET);
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(key);
            out.append(':');
            write(entry.getValue());
        }
        out.append('}');
        depth--;
    }

    private void writeArray(List<?> array) throws IOException {
        enterNesting();
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(array.get(i));
        }
        out.append(']');
        depth--;
    }

    private void enterNesting() {
        if (++depth > maxDepth) {
            throw new JsonException("Nesting deeper than " + maxDepth, JsonException.NO_OFFSET);
        }
    }

    private void writeNumber(Number number) throws IOException {
        switch (number) {
            case Long l -> out.append(Long.toString(l));
            case Integer i -> out.append(Integer.toString(i));
            case Short s -> out.append(Short.toString(s));
            case Byte b -> out.append(Byte.toString(b));
            case BigInteger big -> out.append(big.toString());
            case BigDecimal decimal -> writeDecimal(decimal);
            case Double d when Double.isFinite(d) -> out.append(Double.toString(d));
            case Float f when Float.isFinite(f) -> out.append(Float.toString(f));
            default -> throw new JsonException(
                    "Cannot write the number " + number + " (" + number.getClass().getName() + ") as JSON",
                    JsonException.NO_OFFSET);
        }
    }

    /**
     * BigDecimal.toString is always JSON number syntax (e.g. {@code 1E+3}). A scale-0 value in
     * long range would read back as a Long, so it gets an {@code E0} to read back as BigDecimal.
     */
    private void writeDecimal(BigDecimal decimal) throws IOException {
        out.append(decimal.toString());
        if (decimal.scale() == 0 && decimal.unscaledValue().bitLength() < Long.SIZE) {
            out.append("E0");
        }
    }

    /** Escapes '"', '\', controls, and U+2028/U+2029 (line breaks to JavaScript); rest as-is. */
    private void writeString(String string) throws IOException {
        out.append('"');
        int plainFrom = 0;
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            String escape;
            if (c < 0x20) {
                escape = CONTROL_ESCAPES[c];
            } else if (c == '"') {
                escape = "\\\"";
            } else if (c == '\\') {
                escape = "\\\\";
            } else if (c == '\u2028') {
                escape = "\\u2028";
            } else if (c == '\u2029') {
                escape = "\\u2029";
            } else if (Character.isHighSurrogate(c) && i + 1 < string.length()
                    && Character.isLowSurrogate(string.charAt(i + 1))) {
                i++;
                continue;
            } else if (Character.isSurrogate(c)) {
                throw new JsonException("Unpaired surrogate " + JsonScanner.describe(c)
                        + " at index " + i + " of a string", JsonException.NO_OFFSET);
            } else {
                continue;
            }
            out.append(string, plainFrom, i).append(escape);
            plainFrom = i + 1;
        }
        out.append(string, plainFrom, string.length()).append('"');
    }
}
