package okxstore.store;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.OptionalDouble;

import okxstore.candle.Bar;
import okxstore.candle.Candle;

/**
 * Returns, volatility and coverage of a series of candles, computed in one streaming pass
 * (nothing but the last {@code window} log returns is held).
 *
 * @param rows              candles seen
 * @param first             open time of the first candle
 * @param last              open time of the last candle
 * @param expected          bars the grid has from first to last
 * @param simpleReturn      last close / first open - 1
 * @param logReturn         ln(last close / first open)
 * @param meanLogReturn     mean close-to-close log return per bar
 * @param volatility        standard deviation of close-to-close log returns per bar, over all bars
 * @param rollingVolatility the same over the last {@code window} returns
 * @param annualFactor      sqrt(bars per year), to annualise a per-bar volatility
 */
public record ReturnStats(long rows, long first, long last, long expected, double simpleReturn, double logReturn,
                          double meanLogReturn, double volatility, OptionalDouble rollingVolatility, int window,
                          double annualFactor) {

    /** Share of the grid's bars that are stored, from the first to the last stored one. */
    public double coverage() {
        return expected == 0 ? 0 : (double) rows / expected;
    }

    public static ReturnStats of(Bar bar, Iterator<StoredCandle> candles, int window) {
        long rows = 0;
        long first = 0;
        long last = 0;
        double firstOpen = Double.NaN;
        double prevClose = Double.NaN;
        double lastClose = Double.NaN;
        long n = 0;
        double mean = 0;
        double m2 = 0;
        ArrayDeque<Double> recent = new ArrayDeque<>();
        while (candles.hasNext()) {
            Candle c = candles.next().candle();
            if (rows == 0) {
                first = c.ts();
                firstOpen = c.open();
            }
            rows++;
            last = c.ts();
            if (prevClose > 0 && c.close() > 0) {
                double r = Math.log(c.close() / prevClose);
                n++;
                double d = r - mean;
                mean += d / n;
                m2 += d * (r - mean);
                if (window > 0) {
                    recent.addLast(r);
                    if (recent.size() > window) {
                        recent.removeFirst();
                    }
                }
            }
            prevClose = c.close();
            lastClose = c.close();
        }
        long expected = rows == 0 ? 0 : bar.countBetween(first, last);
        double simple = rows == 0 ? Double.NaN : lastClose / firstOpen - 1;
        double log = rows == 0 ? Double.NaN : Math.log(lastClose / firstOpen);
        double vol = n > 1 ? Math.sqrt(m2 / (n - 1)) : Double.NaN;
        OptionalDouble rolling = window > 1 && recent.size() == window ? OptionalDouble.of(stdev(recent)) : OptionalDouble.empty();
        double barsPerYear = 365.25 * 86_400_000d / bar.maxDurationMillis() * (bar.isCalendar() ? 31 / 30.4375 : 1);
        return new ReturnStats(rows, first, last, expected, simple, log, n == 0 ? Double.NaN : mean, vol, rolling, window,
            Math.sqrt(barsPerYear));
    }

    private static double stdev(ArrayDeque<Double> xs) {
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double ss = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return Math.sqrt(ss / (xs.size() - 1));
    }
}
