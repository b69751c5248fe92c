package okxstore.fake.ws;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.ObjLongConsumer;

/**
 * What tests can see of the fake: counters, the log of received messages, and one condition
 * signalled on every change so that waits need no polling. Thread-safe.
 */
final class WsObservations {

    private static final int LOG_CAPACITY = 10_000;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong pushes = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<FakeOkxWebSocket.Received> log = new ArrayDeque<>();
    private volatile ObjLongConsumer<String> pushObserver;

    long accepted() {
        return accepted.get();
    }

    long refused() {
        return refused.get();
    }

    long pushes() {
        return pushes.get();
    }

    void onAccepted() {
        accepted.incrementAndGet();
        changed();
    }

    void onRefused() {
        refused.incrementAndGet();
        changed();
    }

    /** A push left the socket at {@code sentNanos} ({@link System#nanoTime}); tells the observer, if any. */
    void onPushSent(String text, long sentNanos) {
        pushes.incrementAndGet();
        ObjLongConsumer<String> observer = pushObserver;
        if (observer != null) {
            observer.accept(text, sentNanos);
        }
        changed();
    }

    void setPushObserver(ObjLongConsumer<String> observer) {
        pushObserver = observer;
    }

    void onReceived(FakeOkxWebSocket.Received message) {
        lock.lock();
        try {
            if (log.size() == LOG_CAPACITY) {
                log.pollFirst();
            }
            log.addLast(message);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The most recent received messages (at most 10,000), oldest first. */
    List<FakeOkxWebSocket.Received> received() {
        lock.lock();
        try {
            return List.copyOf(log);
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter to re-check its condition. */
    void changed() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code condition} holds (checked on each change) or the timeout passes. */
    boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // bounded wait: a condition may also change without a signal (a clock, a closed socket)
                changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)), TimeUnit.NANOSECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
