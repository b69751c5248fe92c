package okxstore.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The writer thread's bookkeeping for one file: operations waiting for its next transaction, their
 * sequence numbers (for flush barriers), retry state and checkpoint state. Writer thread only.
 */
final class FileSlot {
    final WriterFile file;
    final List<WriteOp.FileOp> pending = new ArrayList<>();
    /** Operations ever appended to / finished (committed, rejected or given up) for this file. */
    long appended;
    long finished;
    /** Failed attempts in a row; while above 0, the next attempt waits for {@code retryAtNanos}. */
    int failures;
    long retryAtNanos;
    /** Why writes to this file are refused (newer schema) or were given up; null while all is well. */
    String failure;
    long lastUsedMs;
    long rowsSinceCheckpoint;
    long lastCheckpointMs;

    FileSlot(WriterFile file, long nowMs) {
        this.file = file;
        this.lastUsedMs = nowMs;
        this.lastCheckpointMs = nowMs;
    }

    void append(WriteOp.FileOp op) {
        pending.add(op);
        appended++;
    }

    /** Marks every pending operation finished and returns how many candle rows were among them. */
    int finishPending() {
        int rows = 0;
        for (WriteOp.FileOp op : pending) {
            if (op instanceof WriteOp.Put) {
                rows++;
            }
        }
        finished += pending.size();
        pending.clear();
        return rows;
    }

    boolean isDue(long nowNanos) {
        return !pending.isEmpty() && (failures == 0 || nowNanos - retryAtNanos >= 0);
    }
}
