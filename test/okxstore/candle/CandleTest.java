package okxstore.candle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Candle sanity: the reason a candle is not sane, in one line. */
class CandleTest {
    private static Candle candle(double o, double h, double l, double c, double vol) {
        return new Candle(1_700_000_000_000L, o, h, l, c, vol, vol, vol, true);
    }

    @Test
    void saneCandle_hasNoInsanity() {
        assertNull(candle(77082.7, 77116.6, 77082.6, 77116.6, 1.5784361).insanity());
        assertNull(candle(1, 1, 1, 1, 0).insanity());
    }

    @Test
    void insanity_namesWhatIsWrong() {
        assertEquals("high 1 is below low 2", candle(1.5, 1, 2, 1.5, 1).insanity());
        assertEquals("high 2 is below open or close", candle(3, 2, 1, 1.5, 1).insanity());
        assertEquals("high 2 is below open or close", candle(1.5, 2, 1, 3, 1).insanity());
        assertEquals("low 1.5 is above open or close", candle(1, 2, 1.5, 2, 1).insanity());
        assertEquals("negative volume", candle(1, 2, 1, 2, -1).insanity());
        assertEquals("a field is not a finite number", candle(Double.NaN, 2, 1, 2, 1).insanity());
        assertEquals("a field is not a finite number", candle(1, 2, 1, 2, Double.POSITIVE_INFINITY).insanity());
    }
}
