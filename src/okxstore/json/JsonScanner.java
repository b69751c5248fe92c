package okxstore.json;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The lexical rules of RFC 8259 over a cursor into one JSON text: whitespace, literals,
 * numbers and strings. Single use, one thread; {@link JsonParser} drives it.
 */
final class JsonScanner {

    /** Longest digit run that always fits in a long (Long.MAX_VALUE has 19 digits). */
    private static final int SAFE_LONG_DIGITS = 18;

    private final String text;
    private int pos;

    JsonScanner(String text) {
        this.text = text;
    }

    int position() {
        return pos;
    }

    /** Steps over the char at the cursor, which the caller has already looked at. */
    void skip() {
        pos++;
    }

    /** true, false or null: the whole word, else an error naming it. */
    Object readLiteral(String literal, Object value) {
        if (!text.startsWith(literal, pos)) {
            throw error("Expected '" + literal + "'");
        }
        pos += literal.length();
        return value;
    }

    /** number = [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT ). */
    Object readNumber() {
        int start = pos;
        consume('-');
        int intStart = pos;
        if (consume('0')) {
            if (isDigit(peek())) {
                throw new JsonException("Leading zeros are not allowed", intStart);
            }
        } else if (!readDigits()) {
            throw expected("digit");
        }
        int intDigits = pos - intStart;
        boolean integer = true;
        if (consume('.')) {
            integer = false;
            if (!readDigits()) {
                throw expected("digit");
            }
        }
        if (consume('e') || consume('E')) {
            integer = false;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!readDigits()) {
                throw expected("digit");
            }
        }
        if (!integer) {
            return decimal(start);
        }
        if (intDigits <= SAFE_LONG_DIGITS) {
            long value = 0;
            for (int i = intStart; i < pos; i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return intStart == start ? value : -value;
        }
        try {
            return Long.parseLong(text, start, pos, 10);
        } catch (NumberFormatException tooBigForLong) {
            return decimal(start);
        }
    }

    private boolean readDigits() {
        int start = pos;
        while (isDigit(peek())) {
            pos++;
        }
        return pos > start;
    }

    private BigDecimal decimal(int start) {
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException exponentTooLarge) {
            // the grammar was checked above: only an exponent BigDecimal cannot scale gets here
            throw new JsonException("Number out of range", start);
        }
    }

    /** Reads a string whose opening quote is at the cursor; most need no copying. */
    String readString() {
        int start = ++pos;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return text.substring(start, i);
            }
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                pos = i;
                return readEscapedString(new StringBuilder(i - start + 16).append(text, start, i));
            }
        }
        pos = text.length();
        throw error("Unexpected end of input");
    }

    private String readEscapedString(StringBuilder out) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            } else if (c == '\\') {
                readEscape(out);
            } else if (c < 0x20) {
                throw error("Unescaped control character " + describe(c) + " in string");
            } else if (Character.isHighSurrogate(c) && pos + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(pos + 1))) {
                out.append(c).append(text.charAt(pos + 1));
                pos += 2;
            } else if (Character.isSurrogate(c)) {
                throw error("Unpaired surrogate " + describe(c));
            } else {
                out.append(c);
                pos++;
            }
        }
        throw error("Unexpected end of input");
    }

    /** escape = '\' ( '"' / '\' / '/' / 'b' / 'f' / 'n' / 'r' / 't' / 'u' 4HEXDIG ). */
    private void readEscape(StringBuilder out) {
        int escapeAt = pos++;
        int c = peek();
        switch (c) {
            case '"', '\\', '/' -> out.append((char) c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                readUnicodeEscape(out, escapeAt);
                return;
            }
            case -1 -> throw error("Unexpected end of input");
            default -> throw new JsonException(
                    "Invalid escape character " + describe((char) c), escapeAt);
        }
        pos++;
    }

    /** Reads the four hex digits of a unicode escape; surrogates must come as an escaped pair. */
    private void readUnicodeEscape(StringBuilder out, int escapeAt) {
        pos++;
        char unit = readHex4();
        if (Character.isHighSurrogate(unit) && text.startsWith("\\u", pos)) {
            int lowAt = pos;
            pos += 2;
            char low = readHex4();
            if (Character.isLowSurrogate(low)) {
                out.append(unit).append(low);
                return;
            }
            pos = lowAt;
        }
        if (Character.isSurrogate(unit)) {
            throw new JsonException("Unpaired surrogate " + describe(unit), escapeAt);
        }
        out.append(unit);
    }

    private char readHex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexValue(peek());
            if (digit < 0) {
                throw expected("hexadecimal digit");
            }
            value = value << 4 | digit;
            pos++;
        }
        return (char) value;
    }

    private static int hexValue(int c) {
        // not Character.digit: that also accepts non-ASCII digits such as U+0663
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** ws = *( space / tab / LF / CR ): nothing else counts as whitespace. */
    void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The char at the cursor, or -1 at the end of the input. */
    int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    boolean consume(char expected) {
        if (pos < text.length() && text.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    JsonException expected(String what) {
        return error(pos < text.length() ? "Expected " + what : "Unexpected end of input");
    }

    JsonException error(String reason) {
        return new JsonException(reason, pos);
    }

    /** Printable ASCII as 'c', anything else as U+XXXX, so messages stay on one clean line. */
    static String describe(char c) {
        return c > 0x20 && c < 0x7F && c != '\'' ? "'" + c + "'"
                : String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
