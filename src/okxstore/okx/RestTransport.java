package okxstore.okx;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import okxstore.candle.ExchangeException;

/**
 * GET requests to OKX with everything around them: the endpoint's rate limiter before every
 * attempt, one deadline over the whole exchange (headers and body, PITFALLS), decoding by the
 * caller, and retries of retryable failures with back-off. One {@link HttpClient} on virtual
 * threads, closed in {@link #close()}. Thread-safe.
 */
final class RestTransport implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RestTransport.class.getName());
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    /** One HTTP answer: status, body, and how long the exchange took. */
    record Answer(int status, String body, long elapsedNanos) {
    }

    /** Turns an answer into a value, or throws what it means (an OKX error, a malformed body). */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(Answer answer) throws ExchangeException;
    }

    private final RestSettings settings;
    private final RateLimits limits;
    private final Backoff backoff;
    private final ReentrantLock randomLock = new ReentrantLock();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;
    private final String base;
    private final Map<Endpoint, LongAdder> requests = new EnumMap<>(Endpoint.class);
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final Map<Endpoint, LogThrottle> retryWarnings = new EnumMap<>(Endpoint.class);

    RestTransport(RestSettings settings, RateLimits limits, RandomGenerator random) {
        this.settings = settings;
        this.limits = limits;
        this.backoff = Backoff.of(settings.backoffBase(), settings.backoffMax(), random);
        HttpClient.Builder builder = HttpClient.newBuilder().executor(executor)
            .connectTimeout(settings.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        settings.proxyAddress().ifPresent(p -> builder.proxy(ProxySelector.of(
            new InetSocketAddress(p.getHostString(), p.getPort()))));
        this.client = builder.build();
        String url = settings.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        for (Endpoint e : Endpoint.values()) {
            requests.put(e, new LongAdder());
            retryWarnings.put(e, new LogThrottle(WARNING_INTERVAL_NANOS));
        }
    }

    /**
     * GETs {@code endpoint?query} and decodes the answer, retrying retryable failures up to
     * {@code maxRetries} times; {@code context} starts every message ({@code candles BTC-USDT 1m}).
     */
    <T> T get(Endpoint endpoint, String query, String context, int maxRetries, Decoder<T> decoder)
        throws ExchangeException, InterruptedException {
        URI uri = URI.create(base + endpoint.path() + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(settings.requestTimeout())
            .header("Accept", "application/json");
        if (settings.demo()) {
            request.header("x-simulated-trading", "1"); // demo trading, API-NOTES §1
        }
        HttpRequest built = request.build();
        try {
            return attempts(endpoint, built, context, maxRetries, decoder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // propagated, and the flag kept for callers that look
            throw e;
        }
    }

    private <T> T attempts(Endpoint endpoint, HttpRequest request, String context, int maxRetries, Decoder<T> decoder)
        throws ExchangeException, InterruptedException {
        RateLimiter limiter = limits.limiter(endpoint);
        for (int attempt = 0; ; attempt++) {
            limiter.acquire();
            try {
                return decoder.decode(exchange(endpoint, request, context));
            } catch (ExchangeException e) {
                if (e.kind() == ExchangeException.Kind.RATE_LIMITED) {
                    rateLimited.increment();
                    limiter.penalize();
                }
                if (!e.retryable() || attempt >= maxRetries) {
                    throw attempt == 0 ? e : OkxErrors.gaveUp(e, attempt + 1);
                }
                Duration delay = delay(attempt + 1);
                retries.increment();
                String message = e.getMessage() + "; retry " + (attempt + 1) + " of " + maxRetries + " in "
                    + delay.toMillis() + " ms";
                int held = retryWarnings.get(endpoint).admit(limits.ticker().nanos());
                LOG.log(held == LogThrottle.SUPPRESS ? Level.FINE : Level.WARNING, LogThrottle.withHeld(message, held));
                limits.sleeper().sleepNanos(delay.toNanos());
            }
        }
    }

    /** One attempt, bounded as a whole by the request timeout; cancelled when that passes. */
    private Answer exchange(Endpoint endpoint, HttpRequest request, String context)
        throws ExchangeException, InterruptedException {
        requests.get(endpoint).increment();
        long start = limits.ticker().nanos();
        CompletableFuture<HttpResponse<String>> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = future.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            long elapsed = limits.ticker().nanos() - start;
            LOG.fine(() -> "GET " + request.uri() + " -> " + response.statusCode() + " in "
                + TimeUnit.NANOSECONDS.toMillis(elapsed) + " ms");
            return new Answer(response.statusCode(), response.body(), elapsed);
        } catch (TimeoutException e) {
            future.cancel(true);
            timeouts.increment();
            throw OkxErrors.timeout(context, settings.requestTimeout());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.log(Level.FINE, "GET " + request.uri() + " failed", cause);
            if (cause instanceof HttpTimeoutException) {
                timeouts.increment();
            }
            throw OkxErrors.network(context, cause instanceof IOException io ? io : new IOException(cause));
        }
    }

    private Duration delay(int attempt) {
        randomLock.lock(); // the injected generator need not be thread-safe
        try {
            return backoff.delay(attempt);
        } finally {
            randomLock.unlock();
        }
    }

    RestStats stats(long skippedRows) {
        Map<String, Long> byEndpoint = new LinkedHashMap<>();
        requests.forEach((e, n) -> byEndpoint.put(e.label(), n.sum()));
        return new RestStats(byEndpoint, retries.sum(), rateLimited.sum(), timeouts.sum(), skippedRows);
    }

    /** Stops the client: requests still running end with an error; waits briefly for its threads. */
    @Override
    public void close() {
        client.shutdownNow();
        try {
            if (!client.awaitTermination(CLOSE_WAIT)) {
                LOG.fine("HTTP client still busy after " + CLOSE_WAIT.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
