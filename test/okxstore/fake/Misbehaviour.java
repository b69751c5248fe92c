package okxstore.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Trouble on command: latency on every request, faults for the next N requests or for a
 * deterministic fraction of them (optionally of one endpoint), and a gate holding stalled
 * requests until released. Every method is thread-safe and takes effect on the next request.
 */
public final class Misbehaviour {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Rule> rules = new ArrayList<>();
    private long latencyMillis;
    private long generation;
    private int stalled;
    private boolean closed;

    /** A fault for {@code remaining} requests, or for {@code fraction} of them when remaining < 0. */
    private static final class Rule {
        final Endpoint only;
        final Fault fault;
        int remaining;
        final double fraction;
        long seen;

        Rule(Endpoint only, Fault fault, int remaining, double fraction) {
            this.only = only;
            this.fault = fault;
            this.remaining = remaining;
            this.fraction = fraction;
        }
    }

    /** Fixed latency added before every answer (zero to switch off). */
    public void setLatency(Duration latency) {
        withLock(() -> latencyMillis = latency.toMillis());
    }

    /** The next {@code n} requests to any endpoint fail with {@code fault}. */
    public void failNext(int n, Fault fault) {
        failNext(null, n, fault);
    }

    /** The next {@code n} requests to {@code endpoint} (null: any) fail with {@code fault}. */
    public void failNext(Endpoint endpoint, int n, Fault fault) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        withLock(() -> rules.add(new Rule(endpoint, fault, n, 0)));
    }

    /** From now on {@code fraction} of all requests fail with {@code fault}, evenly spread. */
    public void failFraction(double fraction, Fault fault) {
        failFraction(null, fraction, fault);
    }

    /**
     * From now on {@code fraction} of the requests to {@code endpoint} (null: any) fail: request i
     * (from 0) fails when {@code floor((i+1)*fraction) > floor(i*fraction)}, so 0.5 fails every second one.
     */
    public void failFraction(Endpoint endpoint, double fraction, Fault fault) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
        }
        withLock(() -> rules.add(new Rule(endpoint, fault, -1, fraction)));
    }

    /** Stops every pending fault (stalled requests stay stalled until released). */
    public void clearFaults() {
        withLock(rules::clear);
    }

    /** The fault for this request, or null for a normal answer; counted rules come before fractions. */
    Fault next(Endpoint endpoint) {
        lock.lock();
        try {
            rules.removeIf(r -> r.remaining == 0);
            for (Rule r : rules) {
                if (r.remaining > 0 && (r.only == null || r.only == endpoint)) {
                    r.remaining--;
                    return r.fault;
                }
            }
            for (Rule r : rules) {
                if (r.remaining < 0 && (r.only == null || r.only == endpoint)) {
                    long i = r.seen++;
                    if (Math.floor((i + 1) * r.fraction) > Math.floor(i * r.fraction)) {
                        return r.fault;
                    }
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps the configured latency (on the request's own virtual thread). */
    void delay() throws InterruptedException {
        long ms;
        lock.lock();
        try {
            ms = latencyMillis;
        } finally {
            lock.unlock();
        }
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    /** Holds a stalled request; true when released, false when the fake is closing. */
    boolean stall() throws InterruptedException {
        lock.lock();
        try {
            long mine = generation;
            stalled++;
            changed.signalAll();
            try {
                while (generation == mine && !closed) {
                    changed.await();
                }
                return !closed;
            } finally {
                stalled--;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lets every request stalled so far go on. */
    public void releaseStalled() {
        withLock(() -> generation++);
    }

    /** Requests being held right now. */
    public int stalledCount() {
        lock.lock();
        try {
            return stalled;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until at least {@code n} requests are stalled; false on timeout. */
    public boolean awaitStalled(int n, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (stalled < n) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Frees every stalled request for good: they end without an answer. */
    void close() {
        withLock(() -> closed = true);
    }

    private void withLock(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "Misbehaviour[latency=" + latencyMillis + "ms, rules=" + rules.size() + ", stalled=" + stalled + "]";
        } finally {
            lock.unlock();
        }
    }
}
