package okxstore.store;

import java.util.concurrent.CompletableFuture;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/** What producers hand the writer thread through its queue, in order. */
sealed interface WriteOp {
    /** An operation on one instrument's file, committed in that file's transaction. */
    sealed interface FileOp extends WriteOp {
        InstrumentId id();
    }

    record Put(StoredCandle candle) implements FileOp {
        @Override
        public InstrumentId id() {
            return candle.id();
        }
    }

    record RecordHole(InstrumentId id, Bar bar, long from, long to, String reason, long now) implements FileOp {
    }

    record ClearHoles(InstrumentId id, Bar bar) implements FileOp {
    }

    record SetHistoryFloor(InstrumentId id, Bar bar, long floor, boolean complete) implements FileOp {
    }

    record SetListingFloor(InstrumentId id, Bar bar, long floor) implements FileOp {
    }

    /** Completes once everything queued before it is committed. */
    record Flush(CompletableFuture<Void> done) implements WriteOp {
    }

    /** Closes the file's connection once everything queued before it for that file is committed. */
    record Release(InstrumentId id, CompletableFuture<Void> done) implements WriteOp {
    }

    /** Drain, commit, checkpoint, close every file and stop the thread. */
    record Close() implements WriteOp {
    }

    /** An operation with the time it was queued ({@link System#nanoTime}), for {@code maxDelay}. */
    record Queued(WriteOp op, long queuedNanos) {
    }
}
