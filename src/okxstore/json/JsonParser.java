package okxstore.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for the value grammar of RFC 8259, one method per rule, over a
 * {@link JsonScanner}. Single use, one thread; nesting is capped so recursion stays shallow.
 */
final class JsonParser {

    private static final int LONGEST_KEY_IN_MESSAGE = 64;

    private final JsonScanner in;
    private final int maxDepth;
    private int depth;

    JsonParser(String text, int maxDepth) {
        this.in = new JsonScanner(text);
        this.maxDepth = maxDepth;
    }

    /** JSON-text = ws value ws, and nothing after it. */
    Object parseDocument() {
        if (in.peek() == '\uFEFF') {
            throw in.error("Byte order mark is not allowed");
        }
        in.skipWhitespace();
        Object value = readValue();
        in.skipWhitespace();
        if (in.peek() != -1) {
            throw in.error("Expected end of input");
        }
        return value;
    }

    private Object readValue() {
        return switch (in.peek()) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> in.readString();
            case 't' -> in.readLiteral("true", Boolean.TRUE);
            case 'f' -> in.readLiteral("false", Boolean.FALSE);
            case 'n' -> in.readLiteral("null", null);
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> in.readNumber();
            default -> throw in.expected("value");
        };
    }

    /** object = '{' [ member *( ',' member ) ] '}'; member = string ':' value. */
    private Map<String, Object> readObject() {
        enterNesting();
        Map<String, Object> object = new LinkedHashMap<>();
        in.skipWhitespace();
        if (in.consume('}')) {
            depth--;
            return object;
        }
        do {
            in.skipWhitespace();
            int keyAt = in.position();
            if (in.peek() != '"') {
                throw in.expected("string key");
            }
            String key = in.readString();
            in.skipWhitespace();
            if (!in.consume(':')) {
                throw in.expected("':'");
            }
            in.skipWhitespace();
            int sizeBefore = object.size();
            object.put(key, readValue());
            if (object.size() == sizeBefore) {
                throw new JsonException("Duplicate key " + quoteForMessage(key), keyAt);
            }
            in.skipWhitespace();
        } while (in.consume(','));
        if (!in.consume('}')) {
            throw in.expected("',' or '}'");
        }
        depth--;
        return object;
    }

    /** array = '[' [ value *( ',' value ) ] ']'. */
    private List<Object> readArray() {
        enterNesting();
        List<Object> array = new ArrayList<>();
        in.skipWhitespace();
        if (in.consume(']')) {
            depth--;
            return array;
        }
        do {
            in.skipWhitespace();
            array.add(readValue());
            in.skipWhitespace();
        } while (in.consume(','));
        if (!in.consume(']')) {
            throw in.expected("',' or ']'");
        }
        depth--;
        return array;
    }

    /** Steps over the opening bracket, refusing to go deeper than the limit. */
    private void enterNesting() {
        if (++depth > maxDepth) {
            throw in.error("Nesting deeper than " + maxDepth);
        }
        in.skip();
    }

    private static String quoteForMessage(String key) {
        if (key.length() <= LONGEST_KEY_IN_MESSAGE) {
            return Json.write(key);
        }
        int end = LONGEST_KEY_IN_MESSAGE;
        if (Character.isHighSurrogate(key.charAt(end - 1))) {
            end--; // keep the pair whole so the writer accepts it
        }
        return Json.write(key.substring(0, end)) + "...";
    }
}
