package okxstore.okx;

import java.nio.charset.StandardCharsets;
import okxstore.candle.Candle;
import okxstore.okx.CandleRows.Mismatch;

/**
 * The fast path of {@link CandleRows}: a cursor over one candle envelope's Latin-1 bytes (one per
 * char, so offsets are the text's) that reads the keys it needs, skips the others, and hands each
 * row's field ranges to a {@link RowSink} without building maps, lists or substrings. Strict:
 * anything it does not expect (an escape, a number where a string belongs, a duplicate key,
 * {@code data} before {@code arg}) throws {@link Mismatch} so that the caller falls back to the
 * general parser. Single use, one thread.
 */
final class CandleScanner {
    private static final int MAX_DEPTH = 64;
    private static final int MAX_MILLIS_DIGITS = 18;

    private final String text;
    private final byte[] bytes;
    private final int length;
    private final double[] values = new double[RowSink.CANDLE_FIELDS];
    private final int[] starts = new int[RowSink.CANDLE_FIELDS];
    private final int[] ends = new int[RowSink.CANDLE_FIELDS];
    private final RowSink sink = new RowSink();
    private int pos;
    private String channel;
    private String instId;

    CandleScanner(String text) {
        this.text = text;
        this.bytes = text.getBytes(StandardCharsets.ISO_8859_1); // a plain copy for a Latin-1 string
        this.length = bytes.length;
    }

    /** {@code {"code":"0","msg":"","data":[[...],...]}} in any key order, extra keys skipped. */
    CandleRows.Page page() {
        String code = null;
        String msg = null;
        boolean data = false;
        openObject();
        if (!consume('}')) {
            do {
                skipWhitespace();
                int keyStart = pos + 1;
                int keyEnd = scanString();
                colon();
                if (is(keyStart, keyEnd, "code") && code == null) {
                    code = readString();
                } else if (is(keyStart, keyEnd, "msg") && msg == null) {
                    msg = readString();
                } else if (is(keyStart, keyEnd, "data") && !data) {
                    readRows(RowSink.CANDLE_FIELDS);
                    data = true;
                } else if (is(keyStart, keyEnd, "code") || is(keyStart, keyEnd, "msg") || is(keyStart, keyEnd, "data")) {
                    throw mismatch("duplicate key");
                } else {
                    skipValue(1);
                }
                skipWhitespace();
            } while (consume(','));
            expect('}');
        }
        end();
        if (code == null || "0".equals(code) && !data) {
            throw mismatch("no code or no data");
        }
        return new CandleRows.Page(code, msg == null ? "" : msg, sink.rows(), sink.skipped(), sink.firstProblem());
    }

    /** {@code {"arg":{"channel":"candle1m","instId":"BTC-USDT"},"data":[[...]]}}, {@code arg} first. */
    CandleRows.Push push() {
        boolean data = false;
        openObject();
        if (!consume('}')) {
            do {
                skipWhitespace();
                int keyStart = pos + 1;
                int keyEnd = scanString();
                colon();
                if (is(keyStart, keyEnd, "arg") && channel == null) {
                    readArg();
                } else if (is(keyStart, keyEnd, "data") && !data && channel != null) {
                    readRows(CandleRows.fieldsOf(channel));
                    data = true;
                } else if (is(keyStart, keyEnd, "data") || is(keyStart, keyEnd, "arg")) {
                    throw mismatch("data before arg, or a duplicate key");
                } else {
                    skipValue(1);
                }
                skipWhitespace();
            } while (consume(','));
            expect('}');
        }
        end();
        if (!data) {
            throw mismatch("not a candle push");
        }
        return new CandleRows.Push(channel, instId, sink.rows(), sink.skipped(), sink.firstProblem());
    }

    /** {@code {"channel":"candle1m","instId":"BTC-USDT"}}, other keys skipped. */
    private void readArg() {
        openObject();
        if (!consume('}')) {
            do {
                skipWhitespace();
                int keyStart = pos + 1;
                int keyEnd = scanString();
                colon();
                if (is(keyStart, keyEnd, "channel") && channel == null) {
                    channel = readString();
                } else if (is(keyStart, keyEnd, "instId") && instId == null) {
                    instId = readString();
                } else if (is(keyStart, keyEnd, "channel") || is(keyStart, keyEnd, "instId")) {
                    throw mismatch("duplicate key");
                } else {
                    skipValue(2);
                }
                skipWhitespace();
            } while (consume(','));
            expect('}');
        }
        if (channel == null || instId == null) {
            throw mismatch("arg without channel or instId");
        }
    }

    private void readRows(int width) {
        if (width < 0) {
            throw mismatch("not a candle channel");
        }
        expect('[');
        skipWhitespace();
        if (consume(']')) {
            return;
        }
        do {
            skipWhitespace();
            readRow(width);
            skipWhitespace();
        } while (consume(','));
        expect(']');
    }

    /**
     * One row: a well-formed one is parsed while it is scanned, each byte read once; anything
     * else goes to {@link RowSink#add} with the fields' ranges, which says what is wrong.
     */
    private void readRow(int width) {
        expect('[');
        skipWhitespace();
        int count = 0;
        boolean clean = true;
        long ts = -1;
        boolean confirmed = false;
        if (!consume(']')) {
            do {
                skipWhitespace();
                if (pos >= length || bytes[pos] != '"') {
                    throw mismatch("expected a string");
                }
                int start = ++pos;
                if (clean && count < width) {
                    if (count == 0) {
                        ts = millis();
                    } else if (count < width - 1) {
                        pos = FastDecimal.scan(bytes, pos, length, values, count);
                        clean = !Double.isNaN(values[count]);
                    } else if (pos < length && (bytes[pos] == '0' || bytes[pos] == '1')) {
                        confirmed = bytes[pos++] == '1';
                    }
                    clean &= ts >= 0 && pos < length && bytes[pos] == '"';
                }
                int end = closeString(pos);
                if (count < starts.length) {
                    starts[count] = start;
                    ends[count] = end;
                }
                count++;
                skipWhitespace();
            } while (consume(','));
            expect(']');
        }
        if (clean && count >= width) {
            boolean full = width == RowSink.CANDLE_FIELDS;
            sink.accept(new Candle(ts, values[1], values[2], values[3], values[4],
                full ? values[5] : 0, full ? values[6] : 0, full ? values[7] : 0, confirmed));
        } else {
            sink.add(bytes, starts, ends, count, width);
        }
    }

    /** Epoch ms digits at pos (pos moves past them), or -1 when there are none or too many. */
    private long millis() {
        long value = 0;
        int start = pos;
        while (pos < length && bytes[pos] >= '0' && bytes[pos] <= '9' && pos - start < MAX_MILLIS_DIGITS) {
            value = value * 10 + (bytes[pos++] - '0');
        }
        return pos == start ? -1 : value;
    }

    /** Steps to the end of the string whose content continues at {@code from}; returns its closing quote's index. */
    private int closeString(int from) {
        for (int i = from; i < length; i++) {
            byte c = bytes[i];
            if (c == '"') {
                pos = i + 1;
                return i;
            }
            if (c == '\\' || (c & 0xff) < 0x20) {
                throw mismatch("escape or control character in a string");
            }
        }
        throw mismatch("unterminated string");
    }

    /** Steps over a string without escapes whose quote is at pos; returns the index of its closing quote. */
    private int scanString() {
        if (pos >= length || bytes[pos] != '"') {
            throw mismatch("expected a string");
        }
        return closeString(pos + 1);
    }

    private String readString() {
        int start = pos + 1;
        int end = scanString();
        return text.substring(start, end);
    }

    /** Skips a value of a key we do not need; the general parser judges it if anything else is off. */
    private void skipValue(int depth) {
        if (depth > MAX_DEPTH || pos >= length) {
            throw mismatch("value expected");
        }
        byte c = bytes[pos];
        if (c == '"') {
            skipEscapedString();
        } else if (c == '{' || c == '[') {
            char close = c == '{' ? '}' : ']';
            pos++;
            skipWhitespace();
            if (consume(close)) {
                return;
            }
            do {
                skipWhitespace();
                if (close == '}') {
                    skipEscapedString();
                    colon();
                }
                skipValue(depth + 1);
                skipWhitespace();
            } while (consume(','));
            expect(close);
        } else if (c == '-' || c >= '0' && c <= '9') {
            int start = pos;
            while (pos < length && "+-.0123456789eE".indexOf(bytes[pos]) >= 0) {
                pos++;
            }
            if (Double.isNaN(FastDecimal.parse(bytes, start, pos))) {
                throw mismatch("bad number");
            }
        } else if (text.startsWith("true", pos) || text.startsWith("null", pos)) {
            pos += 4;
        } else if (text.startsWith("false", pos)) {
            pos += 5;
        } else {
            throw mismatch("value expected");
        }
    }

    private void skipEscapedString() {
        if (pos >= length || bytes[pos] != '"') {
            throw mismatch("expected a string");
        }
        for (int i = pos + 1; i < length; i++) {
            byte c = bytes[i];
            if (c == '"') {
                pos = i + 1;
                return;
            }
            if (c == '\\') {
                i++;
            }
        }
        throw mismatch("unterminated string");
    }

    private void openObject() {
        skipWhitespace();
        expect('{');
        skipWhitespace();
    }

    private void colon() {
        skipWhitespace();
        expect(':');
        skipWhitespace();
    }

    private void end() {
        skipWhitespace();
        if (pos != length) {
            throw mismatch("text after the end");
        }
    }

    private boolean is(int start, int end, String key) {
        if (end - start != key.length()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (bytes[start + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void skipWhitespace() {
        while (pos < length) {
            byte c = bytes[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private boolean consume(char c) {
        if (pos < length && bytes[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw mismatch("expected '" + c + "'");
        }
    }

    private Mismatch mismatch(String why) {
        return new Mismatch(why, pos);
    }
}
