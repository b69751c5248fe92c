package okxstore.fake;

/**
 * The REST endpoints the fake serves, with OKX's public rate limits (requests per 2 s per IP,
 * API-NOTES §4).
 */
public enum Endpoint {
    CANDLES("/api/v5/market/candles", 40),
    HISTORY_CANDLES("/api/v5/market/history-candles", 20),
    INSTRUMENTS("/api/v5/public/instruments", 20),
    TIME("/api/v5/public/time", 10);

    private final String path;
    private final int okxLimit;

    Endpoint(String path, int okxLimit) {
        this.path = path;
        this.okxLimit = okxLimit;
    }

    public String path() {
        return path;
    }

    /** OKX's documented limit per 2 s window. */
    public int okxLimit() {
        return okxLimit;
    }

    /** The endpoint serving {@code path}, or null for a path OKX answers with 404. */
    public static Endpoint of(String path) {
        for (Endpoint e : values()) {
            if (e.path.equals(path)) {
                return e;
            }
        }
        return null;
    }
}
