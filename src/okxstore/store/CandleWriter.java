package okxstore.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * The one writer of a data directory's files: producers on any thread (virtual ones too) queue
 * candles and sync-state changes; one platform thread, {@code okx-store-writer}, owns every
 * connection and commits them in batches, one transaction per file. The bounded queue blocks
 * producers when full. {@link #close()} drains, commits, checkpoints and joins the thread.
 */
public final class CandleWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CandleWriter.class.getName());
    static final String THREAD_NAME = "okx-store-writer";

    private final BlockingQueue<WriteOp.Queued> queue;
    private final WriterCounters counters = new WriterCounters();
    private final List<Consumer<List<StoredCandle>>> listeners = new CopyOnWriteArrayList<>();
    private final LogThrottle throttle;
    /** Producers hold the read lock while queueing, close() the write lock: nothing is queued behind Close. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean closed;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final WriterLoop loop;
    private final Thread thread;

    public CandleWriter(Path dataDir, WriterSettings settings, InstantSource clock) {
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.throttle = new LogThrottle(LOG, clock, Duration.ofSeconds(30));
        this.loop = new WriterLoop(new DataDir(dataDir), settings, clock, queue, counters, listeners, throttle);
        this.thread = Thread.ofPlatform().name(THREAD_NAME).unstarted(() -> {
            try {
                loop.run();
            } finally {
                stopped.complete(null);
            }
        });
        thread.start();
    }

    /**
     * Queues a candle; blocks while the queue is full. A candle that fails sanity or whose ts is not
     * a bar open time is skipped, counted in {@link WriterStats#rowsSkipped()} and logged.
     */
    public void put(StoredCandle candle) throws InterruptedException {
        if (isSane(candle)) {
            enqueue(List.of(new WriteOp.Put(candle)));
        }
    }

    /** Queues candles in order, as {@link #put} does each. */
    public void putAll(List<StoredCandle> candles) throws InterruptedException {
        enqueue(candles.stream().filter(this::isSane).<WriteOp>map(WriteOp.Put::new).toList());
    }

    /** Records that the exchange had no bars of {@code bar} opening in [from, to]; reason is one of {@link Hole}'s. */
    public void recordHole(InstrumentId id, Bar bar, long from, long to, String reason, long now)
        throws InterruptedException {
        if (to < from) {
            throw new IllegalArgumentException(id + "/" + bar + ": hole ends before it starts: " + from + " > " + to);
        }
        enqueue(List.of(new WriteOp.RecordHole(id, bar, from, to, Hole.checkReason(reason), now)));
    }

    /** Forgets every recorded hole of a bar ({@code gaps --recheck}). */
    public void clearHoles(InstrumentId id, Bar bar) throws InterruptedException {
        enqueue(List.of(new WriteOp.ClearHoles(id, bar)));
    }

    /** Sets how far back the bar's history was fetched and whether it is complete. */
    public void setHistoryFloor(InstrumentId id, Bar bar, long floor, boolean complete) throws InterruptedException {
        enqueue(List.of(new WriteOp.SetHistoryFloor(id, bar, floor, complete)));
    }

    /** Records the first bar the exchange has for this instrument and bar. */
    public void setListingFloor(InstrumentId id, Bar bar, long floor) throws InterruptedException {
        enqueue(List.of(new WriteOp.SetListingFloor(id, bar, floor)));
    }

    /**
     * A barrier: completes once everything queued before it is committed, exceptionally with a
     * {@link StoreException} when some of it was refused (newer schema) or given up. Blocks while the
     * queue is full. After close, returns a future that completes when the writer has stopped.
     */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            if (!tryEnqueue(List.of(new WriteOp.Flush(done)))) {
                return stopped.copy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        }
        return done;
    }

    /**
     * Closes the instrument's connection once what was queued for it is committed, and returns then,
     * so that its files can be deleted. A later write opens the file again.
     */
    public void release(InstrumentId id) throws InterruptedException, StoreException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!tryEnqueue(List.of(new WriteOp.Release(id, done)))) {
            stopped.join();
            return;
        }
        try {
            done.get();
        } catch (ExecutionException e) {
            throw new StoreException(id.fileName() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Called on the writer thread after each commit with the rows that changed; keep it short, never block. */
    public void addListener(Consumer<List<StoredCandle>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<StoredCandle>> listener) {
        listeners.remove(listener);
    }

    /** True until the writer thread has ended (after close). */
    boolean isRunning() {
        return thread.isAlive();
    }

    public WriterStats stats() {
        return counters.snapshot(queue.size());
    }

    /** Drains and commits everything queued, checkpoints and closes every file, and joins the writer thread. */
    @Override
    public void close() {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("the store writer cannot be closed from its own thread (a listener)");
        }
        boolean interrupted = false;
        loop.requestStop();
        gate.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                while (true) {
                    try {
                        queue.put(new WriteOp.Queued(new WriteOp.Close(), System.nanoTime()));
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        } finally {
            gate.writeLock().unlock();
        }
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueue(List<WriteOp> ops) throws InterruptedException {
        if (!tryEnqueue(ops)) {
            throw new IllegalStateException("the store writer is closed");
        }
    }

    /** Queues {@code ops} in order; false when the writer is closed. */
    private boolean tryEnqueue(List<WriteOp> ops) throws InterruptedException {
        gate.readLock().lockInterruptibly();
        try {
            if (closed) {
                return false;
            }
            for (WriteOp op : ops) {
                queue.put(new WriteOp.Queued(op, System.nanoTime()));
            }
            return true;
        } finally {
            gate.readLock().unlock();
        }
    }

    private boolean isSane(StoredCandle c) {
        String why = c.candle().insanity();
        if (why == null && !c.bar().isOnGrid(c.ts())) {
            why = "ts " + c.ts() + " is not a " + c.bar() + " open time";
        }
        if (why == null) {
            return true;
        }
        counters.rowsSkipped.incrementAndGet();
        String reason = why;
        throttle.log(Level.WARNING, "skip:" + c.id() + "/" + c.bar(), () -> c.id() + "/" + c.bar()
            + ": skipped candle at " + Instant.ofEpochMilli(c.ts()) + ": " + reason, null);
        return false;
    }
}
