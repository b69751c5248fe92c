package okxstore.candle;

/**
 * One OKX candle: the nine fields of a REST row or WebSocket push, {@code ts} being the bar's open
 * time in epoch ms and {@code confirmed} OKX's {@code confirm} flag (true once the bar has closed).
 */
public record Candle(long ts, double open, double high, double low, double close,
                     double vol, double volCcy, double volCcyQuote, boolean confirmed) {

    /** The reason this candle breaks candle sanity, or null when it is sane. */
    public String insanity() {
        if (!(Double.isFinite(open) && Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close)
            && Double.isFinite(vol) && Double.isFinite(volCcy) && Double.isFinite(volCcyQuote))) {
            return "a field is not a finite number";
        }
        if (high < low) {
            return "high " + Decimals.format(high) + " is below low " + Decimals.format(low);
        }
        if (high < open || high < close) {
            return "high " + Decimals.format(high) + " is below open or close";
        }
        if (low > open || low > close) {
            return "low " + Decimals.format(low) + " is above open or close";
        }
        if (vol < 0 || volCcy < 0 || volCcyQuote < 0) {
            return "negative volume";
        }
        return null;
    }
}
