package okxstore.candle;

/**
 * A failed exchange call. {@link Kind} tells the caller whether trying again can help; the
 * message names the call and the exchange's own code and text
 * ({@code history-candles BTC-USDT 1m: 51000 Parameter bar error}).
 */
public class ExchangeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as a caller must distinguish. */
    public enum Kind {
        /** The instrument does not exist on the exchange (permanent). */
        UNKNOWN_INSTRUMENT(false),
        /** A parameter was refused, such as a bar the endpoint does not serve (permanent). */
        BAD_REQUEST(false),
        /** Too many requests (retryable, after slowing down). */
        RATE_LIMITED(true),
        /** The exchange is busy or down, or the network failed (retryable). */
        UNAVAILABLE(true),
        /** The answer could not be understood (retryable: usually a proxy or a truncated body). */
        MALFORMED(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final String code;

    public ExchangeException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public ExchangeException(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The exchange's error code ("51001"), or the HTTP status, or "" for network errors. */
    public String code() {
        return code;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
