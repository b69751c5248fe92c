package okxstore.okx;

import java.util.EnumMap;
import java.util.Map;

/**
 * One {@link RateLimiter} per endpoint, created once per process (or store) and handed to every
 * {@link OkxRest} that talks to the same host, so all of them share OKX's per-IP limits.
 * No static state. Thread-safe.
 */
public final class RateLimits {
    private final Map<Endpoint, RateLimiter> limiters = new EnumMap<>(Endpoint.class);
    private final Ticker ticker;
    private final Sleeper sleeper;

    public RateLimits(RestSettings settings, Ticker ticker, Sleeper sleeper) {
        this.ticker = ticker;
        this.sleeper = sleeper;
        for (Endpoint e : Endpoint.values()) {
            limiters.put(e, new RateLimiter(e.label(), settings.permits(e),
                settings.rateWindow().plus(settings.rateGuard()), ticker, sleeper));
        }
    }

    /** Limits on the real clock. */
    public static RateLimits of(RestSettings settings) {
        return new RateLimits(settings, Ticker.system(), Sleeper.system());
    }

    public RateLimiter limiter(Endpoint endpoint) {
        return limiters.get(endpoint);
    }

    public Ticker ticker() {
        return ticker;
    }

    /** The sleeper of these limits, also used for back-off between retries. */
    public Sleeper sleeper() {
        return sleeper;
    }
}
