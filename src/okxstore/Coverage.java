package okxstore;

import java.util.Objects;
import java.util.OptionalLong;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * How much of a series is stored.
 *
 * @param id            the instrument
 * @param bar           the bar size
 * @param rows          bars stored
 * @param confirmedRows of those, bars that have closed
 * @param first         open time of the first stored bar, epoch ms (empty when none is)
 * @param last          open time of the last stored bar, epoch ms (empty when none is)
 * @param expectedBars  bars the grid has from the first to the last stored one
 * @param missingBars   bars absent between them that a sync would fetch (not counting ranges OKX has no bars for)
 */
public record Coverage(InstrumentId id, Bar bar, long rows, long confirmedRows, OptionalLong first, OptionalLong last,
                       long expectedBars, long missingBars) {

    /** Checks that no component is null. */
    public Coverage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
    }

    /**
     * How complete the series is.
     *
     * @return the share of the expected bars that are stored, 0 to 1 (0 when nothing is stored)
     */
    public double ratio() {
        return expectedBars == 0 ? 0 : (double) rows / expectedBars;
    }
}
