package okxstore.fake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every request the fake received, in arrival order, plus per-endpoint counters: served (answered
 * past the rate limit, faults included), rate-limited (HTTP 429 {@code 50011}) and faulted.
 * Thread-safe.
 */
public final class RequestLog {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<FakeRequest> entries = new ArrayList<>();
    private final Map<Endpoint, AtomicLong> served = counters();
    private final Map<Endpoint, AtomicLong> rateLimited = counters();
    private final Map<Endpoint, AtomicLong> faulted = counters();

    private static Map<Endpoint, AtomicLong> counters() {
        Map<Endpoint, AtomicLong> m = new EnumMap<>(Endpoint.class);
        for (Endpoint e : Endpoint.values()) {
            m.put(e, new AtomicLong());
        }
        return m;
    }

    void record(FakeRequest request) {
        lock.lock();
        try {
            entries.add(request);
        } finally {
            lock.unlock();
        }
        if (request.endpoint() != null) {
            (request.rateLimited() ? rateLimited : served).get(request.endpoint()).incrementAndGet();
        }
    }

    void faulted(Endpoint endpoint) {
        faulted.get(endpoint).incrementAndGet();
    }

    /** A copy of every request so far, oldest first. */
    public List<FakeRequest> all() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    /** The requests to {@code endpoint} that got past the rate limit, oldest first. */
    public List<FakeRequest> served(Endpoint endpoint) {
        List<FakeRequest> out = new ArrayList<>();
        for (FakeRequest r : all()) {
            if (r.endpoint() == endpoint && !r.rateLimited()) {
                out.add(r);
            }
        }
        return out;
    }

    public long servedCount(Endpoint endpoint) {
        return served.get(endpoint).get();
    }

    public long rateLimitedCount(Endpoint endpoint) {
        return rateLimited.get(endpoint).get();
    }

    public long faultedCount(Endpoint endpoint) {
        return faulted.get(endpoint).get();
    }

    /** Forgets every request and zeroes the counters. */
    public void clear() {
        lock.lock();
        try {
            entries.clear();
            for (Endpoint e : Endpoint.values()) {
                served.get(e).set(0);
                rateLimited.get(e).set(0);
                faulted.get(e).set(0);
            }
        } finally {
            lock.unlock();
        }
    }
}
