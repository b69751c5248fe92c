package okxstore.fake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import okxstore.candle.Candle;
import okxstore.candle.Decimals;

/**
 * One bar of the fake market in exact units: prices in ticks of {@code 10^-decimals}, volume in
 * units of {@code 1e-8}. Formats itself as OKX's nine strings (API-NOTES §3.3). Immutable.
 */
public record TruthBar(long ts, long open, long high, long low, long close, long volUnits,
                       int decimals, boolean confirmed) {
    private static final int VOL_DECIMALS = 8;
    private static final int VOL_CCY_DECIMALS = 9;
    private static final BigDecimal QUARTER = new BigDecimal("0.25");

    public TruthBar {
        if (low > Math.min(open, close) || high < Math.max(open, close) || low <= 0 || volUnits < 0) {
            throw new IllegalArgumentException("insane truth bar at " + ts + ": " + open + "/" + high + "/"
                + low + "/" + close + " vol " + volUnits);
        }
    }

    /** The nine OKX fields: ts, o, h, l, c, vol, volCcy, volCcyQuote, confirm. */
    public String[] fields() {
        String volCcy = volCcy();
        return new String[] {Long.toString(ts), price(open), price(high), price(low), price(close),
            vol(), volCcy, volCcy, confirmed ? "1" : "0"};
    }

    /** Appends the row as a JSON array of nine strings, as OKX sends it. */
    public void appendJson(StringBuilder sb) {
        sb.append('[');
        String[] f = fields();
        for (int i = 0; i < f.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(f[i]).append('"');
        }
        sb.append(']');
    }

    /** The row parsed the way the store parses OKX strings: each to the nearest double. */
    public Candle toCandle() {
        String[] f = fields();
        return new Candle(ts, Decimals.parse(f[1]), Decimals.parse(f[2]), Decimals.parse(f[3]),
            Decimals.parse(f[4]), Decimals.parse(f[5]), Decimals.parse(f[6]), Decimals.parse(f[7]), confirmed);
    }

    /** Prices drop trailing zeros ({@code "102806"}, {@code "77082.7"}), like OKX. */
    String price(long ticks) {
        if (decimals == 0) {
            return Long.toString(ticks);
        }
        return BigDecimal.valueOf(ticks, decimals).stripTrailingZeros().toPlainString();
    }

    /** Base volume keeps its eight decimals ({@code "1.57843610"}); an untraded bar says {@code "0"}. */
    String vol() {
        return volUnits == 0 ? "0" : BigDecimal.valueOf(volUnits, VOL_DECIMALS).toPlainString();
    }

    /** Quote volume: base volume times the bar's typical price, at most nine decimals. */
    String volCcy() {
        if (volUnits == 0) {
            return "0";
        }
        BigDecimal typical = BigDecimal.valueOf(open + high + low + close, decimals).multiply(QUARTER);
        BigDecimal quote = BigDecimal.valueOf(volUnits, VOL_DECIMALS).multiply(typical);
        return quote.setScale(VOL_CCY_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
