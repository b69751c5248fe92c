package okxstore;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.store.CandleWriter;
import okxstore.store.StoredCandle;

/**
 * Hands committed bars to the user's {@link CandleListener}s: the writer's commit hook only queues
 * the batch (never blocks: when {@value #QUEUE} batches wait, new ones are dropped and counted), and
 * one platform thread, {@value #THREAD_NAME}, calls the listeners in commit order. A listener that
 * throws is logged (at most every {@value #WARN_EVERY_SECONDS} s per listener) and keeps receiving.
 * Thread-safe.
 */
final class ListenerDispatch implements AutoCloseable {
    static final String THREAD_NAME = "okx-store-listeners";
    private static final Logger LOG = Logger.getLogger(ListenerDispatch.class.getName());
    private static final int QUEUE = 1024;
    private static final long WARN_EVERY_SECONDS = 10;
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final CopyOnWriteArrayList<Sub> subs = new CopyOnWriteArrayList<>();
    private final LongSupplier nanoTime;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lastDropWarning = new AtomicLong(Long.MIN_VALUE);
    private volatile ThreadPoolExecutor executor;
    private volatile Thread worker;

    ListenerDispatch(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Registers a listener; it hears of commits once a writer is attached. */
    Subscription add(InstrumentId id, Bar bar, CandleListener listener) {
        Sub s = new Sub(Objects.requireNonNull(id, "id"), Objects.requireNonNull(bar, "bar"),
            Objects.requireNonNull(listener, "listener"));
        subs.add(s);
        return s;
    }

    /** Starts the listener thread and hooks it on the writer's commits. Called once. */
    void attach(CandleWriter writer) {
        RejectedExecutionHandler drop = (task, pool) -> {
            if (!pool.isShutdown()) {
                droppedBatch();
            }
        };
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = Thread.ofPlatform().name(THREAD_NAME).daemon(true).unstarted(r);
            worker = t;
            return t;
        }, drop);
        writer.addListener(this::committed);
    }

    /** The writer's commit hook, on the writer thread: queue and return. */
    private void committed(List<StoredCandle> rows) {
        ThreadPoolExecutor pool = executor;
        if (!subs.isEmpty() && pool != null) {
            pool.execute(() -> deliver(rows));
        }
    }

    private void deliver(List<StoredCandle> rows) {
        for (StoredCandle c : rows) {
            StoredBar bar = null;
            for (Sub s : subs) {
                if (s.active && s.id.equals(c.id()) && s.bar == c.bar()) {
                    bar = bar == null ? StoredBar.of(c) : bar;
                    s.call(bar);
                }
            }
        }
    }

    private void droppedBatch() {
        long n = dropped.incrementAndGet();
        long now = nanoTime.getAsLong();
        long last = lastDropWarning.get();
        if ((last == Long.MIN_VALUE || now - last >= TimeUnit.SECONDS.toNanos(WARN_EVERY_SECONDS))
            && lastDropWarning.compareAndSet(last, now)) {
            LOG.warning("candle listeners are too slow: " + n + " committed batches not delivered so far");
        }
    }

    /** Commit batches dropped because the listeners fell too far behind. */
    long dropped() {
        return dropped.get();
    }

    /** Delivers what is queued (waiting a few seconds at most), then stops the thread. */
    @Override
    public void close() {
        try {
            stop(executor);
        } finally {
            subs.forEach(Sub::close);
        }
    }

    private void stop(ThreadPoolExecutor pool) {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        if (Thread.currentThread() == worker) {
            return; // closed from a listener: the thread ends when it returns
        }
        try {
            if (!pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                if (!pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warning("a candle listener did not return within " + 2 * CLOSE_WAIT_SECONDS
                        + " s of close; its thread " + THREAD_NAME + " is left running");
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One registration. */
    private final class Sub implements Subscription {
        final InstrumentId id;
        final Bar bar;
        final CandleListener listener;
        volatile boolean active = true;
        // listener thread only
        private long lastWarning = Long.MIN_VALUE;
        private long unreported;

        Sub(InstrumentId id, Bar bar, CandleListener listener) {
            this.id = id;
            this.bar = bar;
            this.listener = listener;
        }

        void call(StoredBar b) {
            try {
                listener.onCandle(b);
            } catch (RuntimeException | AssertionError e) {
                failed(e);
            }
        }

        private void failed(Throwable e) {
            long now = nanoTime.getAsLong();
            if (lastWarning != Long.MIN_VALUE && now - lastWarning < TimeUnit.SECONDS.toNanos(WARN_EVERY_SECONDS)) {
                unreported++;
                return;
            }
            String more = unreported == 0 ? "" : " (" + unreported + " more failures since the last report)";
            LOG.log(Level.WARNING, id + "/" + bar + ": a candle listener failed" + more + "; it keeps receiving", e);
            lastWarning = now;
            unreported = 0;
        }

        @Override
        public void close() {
            active = false;
            subs.remove(this);
        }
    }
}
