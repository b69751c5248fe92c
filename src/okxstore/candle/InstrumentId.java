package okxstore.candle;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated OKX instrument id such as {@code BTC-USDT} or {@code BTC-USD-250808}. Validated before
 * it ever touches a path or SQL: upper case letters and digits in dash-separated groups.
 */
public record InstrumentId(String value) implements Comparable<InstrumentId> {
    private static final Pattern VALID = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final int MAX_LENGTH = 64;

    public InstrumentId {
        if (!valid(value)) {
            throw invalid(value);
        }
    }

    /** Parses user input: surrounding blanks are dropped and letters upper-cased; an error quotes the input as typed. */
    public static InstrumentId parse(String text) {
        String upper = text == null ? null : text.strip().toUpperCase(Locale.ROOT);
        if (!valid(upper)) {
            throw invalid(text == null ? null : text.strip());
        }
        return new InstrumentId(upper);
    }

    private static boolean valid(String value) {
        return value != null && value.length() <= MAX_LENGTH && VALID.matcher(value).matches();
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("invalid instrument id '" + value
            + "' (expected letters and digits in dash-separated groups, like BTC-USDT)");
    }

    /** The database file name of this instrument in a data directory. */
    public String fileName() {
        return value + ".db";
    }

    @Override
    public int compareTo(InstrumentId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
