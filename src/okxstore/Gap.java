package okxstore;

import java.util.Objects;

/**
 * A run of bars absent from a series, between its first and last stored bar.
 *
 * @param from   open time of the first absent bar, epoch ms
 * @param to     open time of the last absent bar, epoch ms (inclusive)
 * @param bars   how many bars the run spans
 * @param status {@code "missing"} (not fetched yet: a sync repairs it) or why OKX has no bars there:
 *               {@code "no-data"}, {@code "before-listing"} or {@code "beyond-retention"}
 */
public record Gap(long from, long to, long bars, String status) {
    /** The status of a range not fetched yet. */
    public static final String MISSING = "missing";

    /** Checks that the range is not empty and has a status. */
    public Gap {
        Objects.requireNonNull(status, "status");
        if (to < from || bars < 1) {
            throw new IllegalArgumentException("bad gap [" + from + ", " + to + "] of " + bars + " bars");
        }
    }

    /**
     * Whether a sync would fetch the range.
     *
     * @return true when the bars are missing from the store, not from the exchange
     */
    public boolean missing() {
        return MISSING.equals(status);
    }
}
