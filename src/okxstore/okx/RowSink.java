package okxstore.okx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okxstore.candle.Candle;

/**
 * Collects the candles of one message from their fields' ranges in the message's Latin-1 bytes:
 * a row that is short, not decimal, or fails {@link Candle#insanity()} is counted and skipped,
 * never the whole message. Single use, one thread.
 */
final class RowSink {
    /** Fields of a candle row: ts, o, h, l, c, vol, volCcy, volCcyQuote, confirm (API-NOTES §3.3). */
    static final int CANDLE_FIELDS = 9;
    /** Fields of a mark-price or index candle row: ts, o, h, l, c, confirm. */
    static final int PRICE_FIELDS = 6;

    private Candle first;
    private List<Candle> more;
    private int index;
    private int skipped;
    private String firstProblem;

    /**
     * Adds one row whose field {@code i} is {@code text[starts[i], ends[i])}; {@code count} fields
     * were present, of which only the first {@code width} are read (extra columns are ignored).
     */
    void add(byte[] text, int[] starts, int[] ends, int count, int width) {
        if (count < width) {
            problem(count + " fields, expected " + width);
            return;
        }
        long ts = FastDecimal.parseMillis(text, starts[0], ends[0]);
        double open = FastDecimal.parse(text, starts[1], ends[1]);
        double high = FastDecimal.parse(text, starts[2], ends[2]);
        double low = FastDecimal.parse(text, starts[3], ends[3]);
        double close = FastDecimal.parse(text, starts[4], ends[4]);
        boolean full = width == CANDLE_FIELDS;
        double vol = full ? FastDecimal.parse(text, starts[5], ends[5]) : 0;
        double volCcy = full ? FastDecimal.parse(text, starts[6], ends[6]) : 0;
        double volCcyQuote = full ? FastDecimal.parse(text, starts[7], ends[7]) : 0;
        int c = width - 1;
        byte flag = ends[c] - starts[c] == 1 ? text[starts[c]] : 0;
        if (ts < 0 || Double.isNaN(open) || Double.isNaN(high) || Double.isNaN(low) || Double.isNaN(close)
            || Double.isNaN(vol) || Double.isNaN(volCcy) || Double.isNaN(volCcyQuote) || flag != '0' && flag != '1') {
            problem(describe(text, starts, ends, width));
            return;
        }
        accept(new Candle(ts, open, high, low, close, vol, volCcy, volCcyQuote, flag == '1'));
    }

    /** Adds a row already parsed (the scanner's fast path), unless it fails candle sanity. */
    void accept(Candle candle) {
        String insanity = candle.insanity();
        if (insanity != null) {
            problem("ts " + candle.ts() + ": " + insanity);
        } else if (first == null) {
            index++;
            first = candle;
        } else {
            index++;
            if (more == null) {
                more = new ArrayList<>();
                more.add(first);
            }
            more.add(candle);
        }
    }

    /** Adds a row given as strings (the general parser's path). */
    void add(List<String> fields, int width) {
        int[] starts = new int[fields.size()];
        int[] ends = new int[fields.size()];
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            starts[i] = joined.length();
            joined.append(fields.get(i));
            ends[i] = joined.length();
        }
        add(joined.toString().getBytes(StandardCharsets.ISO_8859_1), starts, ends, fields.size(), width);
    }

    /** A row that is not an array of strings at all (seen only on the general parser's path). */
    void addBroken(String why) {
        problem(why);
    }

    List<Candle> rows() {
        return more != null ? more : first != null ? List.of(first) : List.of();
    }

    int skipped() {
        return skipped;
    }

    /** What was wrong with the first skipped row, or null when none was skipped. */
    String firstProblem() {
        return firstProblem;
    }

    /** Which field of a row that failed to parse is wrong (the slow path of a rare case). */
    private static String describe(byte[] text, int[] starts, int[] ends, int width) {
        if (FastDecimal.parseMillis(text, starts[0], ends[0]) < 0) {
            return "ts " + quote(text, starts[0], ends[0]) + " is not epoch ms";
        }
        for (int f = 1; f < width - 1; f++) {
            if (Double.isNaN(FastDecimal.parse(text, starts[f], ends[f]))) {
                return "field " + f + " " + quote(text, starts[f], ends[f]) + " is not a decimal";
            }
        }
        return "confirm " + quote(text, starts[width - 1], ends[width - 1]) + " is not 0 or 1";
    }

    private void problem(String why) {
        int row = index++;
        skipped++;
        if (firstProblem == null) {
            firstProblem = "row " + row + ": " + why;
        }
    }

    private static String quote(byte[] text, int from, int to) {
        return "'" + OkxErrors.excerpt(new String(text, from, to - from, StandardCharsets.ISO_8859_1)) + "'";
    }
}
