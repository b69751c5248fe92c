package okxstore.store;

import java.util.Set;
import okxstore.candle.Bar;

/**
 * A range the exchange was asked for and had no bars in ({@code from}..{@code to}, inclusive open
 * times), with why, when it was last checked and how often it was asked.
 */
public record Hole(Bar bar, long from, long to, String reason, long checkedAt, int attempts) {
    /** Before the instrument's first bar: never asked again. */
    public static final String BEFORE_LISTING = "before-listing";
    /** Older than the exchange keeps (e.g. 1s past 3 months): never asked again. */
    public static final String BEYOND_RETENTION = "beyond-retention";
    /** No bars for another reason: asked once more a day later. */
    public static final String NO_DATA = "no-data";

    private static final Set<String> REASONS = Set.of(BEFORE_LISTING, BEYOND_RETENTION, NO_DATA);

    /** Returns {@code reason} when it is one of the known reasons, else throws. */
    public static String checkReason(String reason) {
        if (!REASONS.contains(reason)) {
            throw new IllegalArgumentException("unknown hole reason '" + reason + "' (valid: "
                + BEFORE_LISTING + ", " + BEYOND_RETENTION + ", " + NO_DATA + ")");
        }
        return reason;
    }
}
