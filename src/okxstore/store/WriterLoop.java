package okxstore.store;

import java.io.IOException;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import okxstore.candle.InstrumentId;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The body of the writer thread: takes operations off the queue in batches, commits each file's
 * share in one transaction, retries failed files with back-off, completes flush and release
 * barriers, checkpoints and closes idle files. All of its state belongs to the writer thread.
 */
final class WriterLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(WriterLoop.class.getName());
    /** A file with this many new rows is checkpointed even while it is busy. */
    private static final int CHECKPOINT_ROWS = 100_000;
    /**
     * A file committed to within the last checkpoint interval is busy: it is checkpointed at most this
     * often (each checkpoint syncs the WAL and the file), so that a thousand files updated every second
     * are not checkpointed a thousand times a second. A file gone quiet is checkpointed after the interval.
     */
    private static final long BUSY_CHECKPOINT_MS = 30_000;
    /** Checkpoints per round at most, so that many files due at once do not stall the commits behind them. */
    private static final int CHECKPOINTS_PER_ROUND = 8;
    /** Failed attempts after close() before queued operations of a file are given up (and logged). */
    private static final int CLOSE_ATTEMPTS = 3;
    private static final int SEVERE_AFTER_FAILURES = 10;
    private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final DataDir dir;
    private final WriterSettings settings;
    private final InstantSource clock;
    private final BlockingQueue<WriteOp.Queued> queue;
    private final WriterCounters counters;
    private final List<Consumer<List<StoredCandle>>> listeners;
    private final LogThrottle throttle;
    private final Map<InstrumentId, FileSlot> slots = new LinkedHashMap<>();
    private final Barriers barriers = new Barriers();
    private int pendingOps;
    /** The Close operation was taken off the queue: drain what is pending, then stop. */
    private boolean closing;
    /** close() was called: failing files are given up after a few attempts, so the queue can drain. */
    private volatile boolean stopRequested;

    WriterLoop(DataDir dir, WriterSettings settings, InstantSource clock, BlockingQueue<WriteOp.Queued> queue,
               WriterCounters counters, List<Consumer<List<StoredCandle>>> listeners, LogThrottle throttle) {
        this.dir = dir;
        this.settings = settings;
        this.clock = clock;
        this.queue = queue;
        this.counters = counters;
        this.listeners = listeners;
        this.throttle = throttle;
    }

    /** Called by close() before it queues Close, which a writer stalled on a failing file would never reach. */
    void requestStop() {
        stopRequested = true;
    }

    @Override
    public void run() {
        while (!closing || pendingOps > 0) {
            try {
                step();
            } catch (InterruptedException e) {
                LOG.warning("store writer: interrupted; it stops only through close()");
            } catch (RuntimeException | Error e) {
                counters.errors.incrementAndGet();
                LOG.log(Level.SEVERE, "store writer: unexpected error, continuing", e);
            }
        }
        shutdown();
    }

    /** One round: take a batch (or wait for a retry), commit what is due, housekeeping, complete barriers. */
    private void step() throws InterruptedException {
        if (!closing && pendingOps < settings.queueCapacity()) {
            collect();
        } else {
            pauseUntilDue();
        }
        commitDue();
        housekeeping();
        barriers.complete(this::release);
    }

    private void collect() throws InterruptedException {
        long wait = waitNanos();
        WriteOp.Queued first = wait < 0 ? queue.take() : queue.poll(wait, TimeUnit.NANOSECONDS);
        if (first == null) {
            return;
        }
        long deadline = first.queuedNanos() + settings.maxDelay().toNanos();
        boolean end = accept(first);
        // a round takes what is queued until one file's transaction is full: under a backlog spread
        // over many files, each file's transaction carries more rows instead of the rounds falling behind
        while (!end && pendingOps < settings.queueCapacity()) {
            WriteOp.Queued next = queue.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || (next = queue.poll(left, TimeUnit.NANOSECONDS)) == null) {
                    break;
                }
            }
            end = accept(next);
        }
    }

    /** Until the next retry is due (0: now), a housekeeping tick while files are open, or forever (-1). */
    private long waitNanos() {
        long now = System.nanoTime();
        long wait = Long.MAX_VALUE;
        for (FileSlot s : slots.values()) {
            if (!s.pending.isEmpty()) {
                wait = Math.min(wait, s.failures == 0 ? 0 : Math.max(0, s.retryAtNanos - now));
            } else if (s.file.isOpen()) {
                wait = Math.min(wait, TICK_NANOS);
            }
        }
        return wait == Long.MAX_VALUE ? -1 : wait;
    }

    private void pauseUntilDue() throws InterruptedException {
        long wait = waitNanos();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(wait, TICK_NANOS));
        }
    }

    /** Adds a queued operation to its file; returns true for a barrier or a file with a full batch, which end the round. */
    private boolean accept(WriteOp.Queued queued) {
        switch (queued.op()) {
            case WriteOp.FileOp op -> {
                FileSlot s = slots.computeIfAbsent(op.id(),
                    id -> new FileSlot(new WriterFile(id, dir.file(id)), clock.millis()));
                s.append(op);
                pendingOps++;
                return s.pending.size() >= settings.batchSize();
            }
            case WriteOp.Flush f -> {
                barriers.addFlush(f.done(), slots.values());
                return true;
            }
            case WriteOp.Release r -> {
                barriers.addRelease(r.id(), r.done(), slots.get(r.id()));
                return true;
            }
            case WriteOp.Close c -> {
                closing = true;
                return true;
            }
        }
    }

    private void commitDue() {
        long now = System.nanoTime();
        boolean any = false;
        for (FileSlot s : slots.values()) {
            if (s.isDue(now)) {
                commit(s);
                any = true;
            }
        }
        if (any) {
            counters.batches.incrementAndGet();
        }
    }

    private void commit(FileSlot s) {
        String name = s.file.name();
        if (s.failure != null) {
            reject(s);
            return;
        }
        int ops = s.pending.size();
        try {
            s.file.open(clock.millis(), settings);
            WriterFile.Applied applied = s.file.apply(s.pending);
            s.finishPending();
            pendingOps -= ops;
            s.failures = 0;
            s.lastUsedMs = clock.millis();
            s.rowsSinceCheckpoint += applied.changed().size();
            counters.commits.incrementAndGet();
            counters.rowsWritten.addAndGet(applied.changed().size());
            counters.rowsUnchanged.addAndGet(applied.unchanged());
            LOG.fine(() -> name + ": committed " + ops + " operations, " + applied.changed().size() + " rows changed");
            notifyListeners(applied.changed());
        } catch (SQLException | IOException | RuntimeException e) {
            String refusal = refusal(name, e);
            if (refusal != null) {
                s.failure = refusal;
                LOG.log(Level.SEVERE, refusal, e instanceof NewerSchemaException ? null : e);
                reject(s);
                return;
            }
            s.failures++;
            counters.errors.incrementAndGet();
            long delayMs = backoffMillis(s.failures);
            s.retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
            if ((closing || stopRequested) && s.failures >= CLOSE_ATTEMPTS) {
                s.failure = name + ": gave up writing " + ops + " queued operations at close after "
                    + s.failures + " attempts: " + e.getMessage();
                LOG.log(Level.SEVERE, s.failure, e);
                reject(s);
                return;
            }
            Level level = s.failures >= SEVERE_AFTER_FAILURES ? Level.SEVERE : Level.WARNING;
            int attempt = s.failures;
            throttle.log(level, "commit:" + name, () -> name + ": commit of " + ops + " operations failed (attempt "
                + attempt + "), kept queued, retrying in " + delayMs + " ms: " + e.getMessage(), e);
        }
    }

    /** Why a file must not be written at all (newer schema, not a database, damaged), or null for trouble worth retrying. */
    private static String refusal(String name, Exception e) {
        if (e instanceof NewerSchemaException) {
            return e.getMessage();
        }
        if (e instanceof SQLiteException se) {
            int primary = se.getResultCode().code & 0xff;
            if (primary == SQLiteErrorCode.SQLITE_NOTADB.code || primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
                return name + ": not written, the file is not a database or is damaged (run verify): " + e.getMessage();
            }
        }
        return null;
    }

    /** Drops a file's pending operations after they were refused or given up; they are counted, never silent. */
    private void reject(FileSlot s) {
        barriers.rejected(s);
        int ops = s.pending.size();
        counters.rowsRejected.addAndGet(s.finishPending());
        pendingOps -= ops;
        s.failures = 0;
    }

    private long backoffMillis(int failures) {
        return settings.retryBackoff().toMillis() << Math.min(failures - 1, 6);
    }

    private void notifyListeners(List<StoredCandle> changed) {
        if (changed.isEmpty() || listeners.isEmpty()) {
            return;
        }
        List<StoredCandle> view = List.copyOf(changed);
        for (Consumer<List<StoredCandle>> listener : listeners) {
            try {
                listener.accept(view);
            } catch (RuntimeException e) {
                counters.errors.incrementAndGet();
                throttle.log(Level.WARNING, "listener", () -> "store writer: a commit listener failed: " + e, e);
            }
        }
    }

    private void release(InstrumentId id) {
        FileSlot s = slots.get(id);
        if (s != null) {
            closeFile(s, clock.millis());
            if (s.pending.isEmpty()) {
                slots.remove(id);
            }
            countOpenFiles();
        }
    }

    private void countOpenFiles() {
        counters.openFiles = (int) slots.values().stream().filter(s -> s.file.isOpen()).count();
    }

    private void housekeeping() {
        long now = clock.millis();
        int budget = CHECKPOINTS_PER_ROUND;
        for (Iterator<FileSlot> it = slots.values().iterator(); it.hasNext(); ) {
            FileSlot s = it.next();
            if (!s.pending.isEmpty()) {
                continue;
            }
            if (now - s.lastUsedMs >= settings.idleClose().toMillis()) {
                closeFile(s, now);
                it.remove();
            } else if (budget > 0 && checkpointDue(s, now)) {
                checkpoint(s, now);
                budget--;
            }
        }
        countOpenFiles();
    }

    /** Many new rows, or new rows and the file quiet for the interval, or busy but not checkpointed for long. */
    private boolean checkpointDue(FileSlot s, long now) {
        if (s.rowsSinceCheckpoint == 0) {
            return false;
        }
        long interval = settings.checkpointInterval().toMillis();
        return s.rowsSinceCheckpoint >= CHECKPOINT_ROWS || now - s.lastUsedMs >= interval
            || now - s.lastCheckpointMs >= Math.max(interval, BUSY_CHECKPOINT_MS);
    }

    private void checkpoint(FileSlot s, long now) {
        try {
            s.file.checkpoint();
            counters.checkpoints.incrementAndGet();
        } catch (SQLException e) {
            counters.errors.incrementAndGet();
            throttle.log(Level.WARNING, "checkpoint:" + s.file.name(),
                () -> s.file.name() + ": checkpoint failed: " + e.getMessage(), e);
        }
        s.rowsSinceCheckpoint = 0;
        s.lastCheckpointMs = now;
    }

    /** Checkpoints what is new (another connection may keep SQLite from doing it on close) and closes. */
    private void closeFile(FileSlot s, long now) {
        if (s.file.isOpen() && s.rowsSinceCheckpoint > 0) {
            checkpoint(s, now);
        }
        s.file.close();
    }

    private void shutdown() {
        long now = clock.millis();
        slots.values().forEach(s -> closeFile(s, now));
        slots.clear();
        counters.openFiles = 0;
        barriers.complete(id -> { }); // every target is finished by now
        barriers.failAll("store writer closed");
        LOG.fine("store writer stopped");
    }
}
