package okxstore.okx;

/**
 * The OKX REST endpoints this client calls, each with its own rate limiter. OKX's limits per 2 s
 * window (API-NOTES §4) are the defaults in {@link RestSettings}.
 */
public enum Endpoint {
    /** Only the latest 1,440 bars of a size, not {@code 1s} (API-NOTES §3.1, §7.1, §7.7). */
    CANDLES("candles", "/api/v5/market/candles"),
    /** Every bar size including {@code 1s}; limit up to 300 (API-NOTES §3.1, §7.4). */
    HISTORY_CANDLES("history-candles", "/api/v5/market/history-candles"),
    INSTRUMENTS("instruments", "/api/v5/public/instruments"),
    TIME("time", "/api/v5/public/time");

    private final String label;
    private final String path;

    Endpoint(String label, String path) {
        this.label = label;
        this.path = path;
    }

    /** The short name used in messages, logs and stats: {@code history-candles}. */
    public String label() {
        return label;
    }

    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return label;
    }
}
