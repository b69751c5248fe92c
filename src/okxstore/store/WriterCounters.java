package okxstore.store;

import java.util.concurrent.atomic.AtomicLong;

/** The counters behind {@link WriterStats}; written by the writer thread and producers, read by anyone. */
final class WriterCounters {
    final AtomicLong rowsWritten = new AtomicLong();
    final AtomicLong rowsUnchanged = new AtomicLong();
    final AtomicLong rowsSkipped = new AtomicLong();
    final AtomicLong rowsRejected = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong commits = new AtomicLong();
    final AtomicLong checkpoints = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    volatile int openFiles;

    WriterStats snapshot(int queueDepth) {
        return new WriterStats(rowsWritten.get(), rowsUnchanged.get(), rowsSkipped.get(), rowsRejected.get(),
            batches.get(), commits.get(), checkpoints.get(), errors.get(), queueDepth, openFiles);
    }
}
