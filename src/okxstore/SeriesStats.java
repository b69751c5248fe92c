package okxstore;

import java.util.Objects;
import java.util.OptionalDouble;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.store.ReturnStats;

/**
 * Returns and volatility of the stored bars of a series (or a range of it), from one streaming pass.
 * Undefined values are {@link Double#NaN} (a volatility needs at least three bars).
 *
 * @param id                   the instrument
 * @param bar                  the bar size
 * @param rows                 bars read
 * @param first                open time of the first, epoch ms
 * @param last                 open time of the last, epoch ms
 * @param expectedBars         bars the grid has from first to last
 * @param simpleReturn         last close / first open - 1
 * @param logReturn            ln(last close / first open)
 * @param meanLogReturn        mean close-to-close log return per bar
 * @param volatility           standard deviation of the close-to-close log returns, per bar
 * @param annualizedVolatility {@code volatility} scaled to a year of bars
 * @param rollingVolatility    the same as {@code volatility} over the last {@code window} returns, when there are that many
 * @param window               the rolling window, in returns
 */
public record SeriesStats(InstrumentId id, Bar bar, long rows, long first, long last, long expectedBars,
                          double simpleReturn, double logReturn, double meanLogReturn, double volatility,
                          double annualizedVolatility, OptionalDouble rollingVolatility, int window) {

    /** Checks that no component is null. */
    public SeriesStats {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(rollingVolatility, "rollingVolatility");
    }

    /**
     * How complete the bars read were.
     *
     * @return the share of the grid's bars from first to last that were read, 0 to 1
     */
    public double coverage() {
        return expectedBars == 0 ? 0 : (double) rows / expectedBars;
    }

    static SeriesStats of(InstrumentId id, Bar bar, ReturnStats s) {
        return new SeriesStats(id, bar, s.rows(), s.first(), s.last(), s.expected(), s.simpleReturn(), s.logReturn(),
            s.meanLogReturn(), s.volatility(), s.volatility() * s.annualFactor(), s.rollingVolatility(), s.window());
    }
}
