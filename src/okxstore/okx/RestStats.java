package okxstore.okx;

import java.util.Map;

/**
 * Counters of one {@link OkxRest} since it was created: requests sent per endpoint label
 * (every attempt), retries, rate-limit answers seen (HTTP 429, 50011, 50013, 50040), timeouts and
 * candle rows skipped as unreadable or insane. Immutable snapshot.
 */
public record RestStats(Map<String, Long> requests, long retries, long rateLimited, long timeouts, long skippedRows) {

    public RestStats {
        requests = Map.copyOf(requests);
    }

    /** Requests sent to one endpoint. */
    public long requests(Endpoint endpoint) {
        return requests.getOrDefault(endpoint.label(), 0L);
    }
}
