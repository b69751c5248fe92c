package okxstore.bench;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import okxstore.candle.Candle;
import okxstore.okx.CandleRows;

/**
 * Figure 4's bookkeeping: every candle push the fake sends while recording (its bar open time,
 * close, confirm flag and send time), per instrument, until the poller sees it readable in the
 * store; then its push-to-readable latency. Pushes come on the fake's writer threads, the poller
 * on its own thread: each series has its own lock.
 */
final class PushTracker {
    record Push(long ts, double close, boolean confirmed, long sentNanos) {
    }

    /** Pushes of one instrument not yet seen readable, oldest first. */
    static final class Pending {
        final String instId;
        final ReentrantLock lock = new ReentrantLock();
        final ArrayDeque<Push> pushes = new ArrayDeque<>();

        Pending(String instId) {
            this.instId = instId;
        }
    }

    private final Map<String, Pending> series = new ConcurrentHashMap<>();
    private final ReentrantLock latencyLock = new ReentrantLock();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean recording;
    private long[] latencies = new long[1 << 17];
    private int count;

    /** The fake's push hook. */
    void onPush(String text, long sentNanos) {
        if (!recording) {
            return;
        }
        CandleRows.Push push = CandleRows.decodePush(text);
        Pending p = series.computeIfAbsent(push.instId(), Pending::new);
        p.lock.lock();
        try {
            for (Candle c : push.rows()) {
                p.pushes.addLast(new Push(c.ts(), c.close(), c.confirmed(), sentNanos));
                sent.incrementAndGet();
            }
        } finally {
            p.lock.unlock();
        }
    }

    void recording(boolean on) {
        recording = on;
    }

    Iterable<Pending> series() {
        return series.values();
    }

    long sent() {
        return sent.get();
    }

    /** Pushes still waiting to be seen. */
    long pending() {
        long n = 0;
        for (Pending p : series.values()) {
            p.lock.lock();
            try {
                n += p.pushes.size();
            } finally {
                p.lock.unlock();
            }
        }
        return n;
    }

    void readable(Push p, long nowNanos) {
        latencyLock.lock();
        try {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nowNanos - p.sentNanos();
        } finally {
            latencyLock.unlock();
        }
    }

    /** Percentile of push-to-readable in ms over the pushes seen so far. */
    double percentileMs(double p) {
        latencyLock.lock();
        try {
            return Stats.percentile(latencies, count, p) / 1e6;
        } finally {
            latencyLock.unlock();
        }
    }

    int seen() {
        latencyLock.lock();
        try {
            return count;
        } finally {
            latencyLock.unlock();
        }
    }
}
