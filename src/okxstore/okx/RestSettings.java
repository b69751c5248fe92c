package okxstore.okx;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@link OkxRest} talks to OKX: base URL, demo header, proxy, timeouts, retries and the rate
 * limits per endpoint (requests per {@code rateWindow}, of which {@code rateMargin} is used).
 * Validated on construction; {@link #defaults()} gives OKX's production values. Immutable.
 *
 * @param baseUrl             REST base, {@code https://www.okx.com} (tests: {@code http://127.0.0.1:PORT})
 * @param demo                adds {@code x-simulated-trading: 1} to every request (API-NOTES §1)
 * @param proxy               {@code host:port} of an HTTP proxy, or empty for a direct connection
 * @param requestTimeout      bound on one whole exchange, headers and body
 * @param maxRetries          retries of a retryable failure before it is thrown
 * @param backoffBase         delay before the first retry (doubling, with jitter)
 * @param backoffMax          longest delay between retries
 * @param rateMargin          share of OKX's limit used, in (0, 1]
 * @param rateWindow          OKX's rate-limit window (2 s)
 * @param rateGuard           added to the window so that requests arriving later than sent (network
 *                            jitter) still fall into separate windows at OKX (100 ms)
 * @param candlesLimit        {@code /market/candles} requests per window (OKX: 40)
 * @param historyCandlesLimit {@code /market/history-candles} requests per window (OKX: 20)
 * @param instrumentsLimit    {@code /public/instruments} requests per window (OKX: 20)
 * @param timeLimit           {@code /public/time} requests per window (OKX: 10)
 */
public record RestSettings(URI baseUrl, boolean demo, String proxy, Duration requestTimeout, int maxRetries,
                           Duration backoffBase, Duration backoffMax, double rateMargin, Duration rateWindow,
                           Duration rateGuard,
                           int candlesLimit, int historyCandlesLimit, int instrumentsLimit, int timeLimit) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://www.okx.com");

    public RestSettings {
        if (baseUrl == null || baseUrl.getHost() == null
            || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))
            || baseUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("okx REST base URL must be http(s)://host[:port]: " + baseUrl);
        }
        proxy = proxy == null ? "" : proxy.strip();
        if (!proxy.isEmpty()) {
            parseProxy(proxy);
        }
        positive("request timeout", requestTimeout);
        positive("back-off base", backoffBase);
        positive("back-off max", backoffMax);
        positive("rate window", rateWindow);
        if (rateGuard == null || rateGuard.isNegative()) {
            throw new IllegalArgumentException("rate guard must not be negative: " + rateGuard);
        }
        if (backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("back-off max " + backoffMax + " is below its base " + backoffBase);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries must not be negative: " + maxRetries);
        }
        if (!(rateMargin > 0 && rateMargin <= 1)) {
            throw new IllegalArgumentException("rate margin must be in (0, 1]: " + rateMargin);
        }
        if (candlesLimit < 1 || historyCandlesLimit < 1 || instrumentsLimit < 1 || timeLimit < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "rate limits must be at least 1: candles %d, history-candles %d, instruments %d, time %d",
                candlesLimit, historyCandlesLimit, instrumentsLimit, timeLimit));
        }
    }

    /**
     * OKX production: www.okx.com, no proxy, 10 s timeout, 8 retries from 500 ms to 30 s, 95% of OKX's
     * limits per 2 s window (plus a 100 ms guard).
     */
    public static RestSettings defaults() {
        return new RestSettings(DEFAULT_BASE_URL, false, "", Duration.ofSeconds(10), 8,
            Duration.ofMillis(500), Duration.ofSeconds(30), 0.95, Duration.ofSeconds(2), Duration.ofMillis(100),
            40, 20, 20, 10);
    }

    /** OKX's documented limit of one endpoint per window, before the margin (API-NOTES §4). */
    public int limit(Endpoint endpoint) {
        return switch (endpoint) {
            case CANDLES -> candlesLimit;
            case HISTORY_CANDLES -> historyCandlesLimit;
            case INSTRUMENTS -> instrumentsLimit;
            case TIME -> timeLimit;
        };
    }

    /** Requests per window this client allows itself: {@code floor(limit * margin)}, at least 1. */
    public int permits(Endpoint endpoint) {
        return Math.max(1, (int) Math.floor(limit(endpoint) * rateMargin + 1e-9));
    }

    /** The proxy as an address, when one is set. */
    public Optional<InetSocketAddress> proxyAddress() {
        return proxy.isEmpty() ? Optional.empty() : Optional.of(parseProxy(proxy));
    }

    public RestSettings withBaseUrl(URI url) {
        return new RestSettings(url, demo, proxy, requestTimeout, maxRetries, backoffBase, backoffMax,
            rateMargin, rateWindow, rateGuard, candlesLimit, historyCandlesLimit, instrumentsLimit, timeLimit);
    }

    public RestSettings withDemo(boolean on, String proxyHostPort) {
        return new RestSettings(baseUrl, on, proxyHostPort, requestTimeout, maxRetries, backoffBase, backoffMax,
            rateMargin, rateWindow, rateGuard, candlesLimit, historyCandlesLimit, instrumentsLimit, timeLimit);
    }

    public RestSettings withRetries(Duration timeout, int retries, Duration base, Duration max) {
        return new RestSettings(baseUrl, demo, proxy, timeout, retries, base, max,
            rateMargin, rateWindow, rateGuard, candlesLimit, historyCandlesLimit, instrumentsLimit, timeLimit);
    }

    public RestSettings withRates(double margin, Duration window, Duration guard, int candles, int historyCandles,
                                  int instruments, int time) {
        return new RestSettings(baseUrl, demo, proxy, requestTimeout, maxRetries, backoffBase, backoffMax,
            margin, window, guard, candles, historyCandles, instruments, time);
    }

    private static void positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    /** {@code host:port}; an {@code http://} prefix and a trailing slash, as in {@code HTTPS_PROXY}, are accepted. */
    private static InetSocketAddress parseProxy(String text) {
        String hostPort = text.replaceFirst("^[hH][tT][tT][pP][sS]?://", "").replaceFirst("/$", "");
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("proxy must be host:port: '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("proxy port must be 1-65535: '" + hostPort + "'");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }
}
