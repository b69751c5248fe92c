package okxstore.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okxstore.candle.InstrumentId;

/**
 * Flushes and releases waiting for files to finish (commit, or reject) what was queued before them,
 * and which of them reports a rejection. Writer thread only.
 */
final class Barriers {
    /**
     * A flush (release == null) or release waiting until each target file has finished the sequence
     * number it maps to; {@code failure}: why operations finished before it was queued were not written.
     */
    private record Barrier(CompletableFuture<Void> done, Map<FileSlot, Long> targets, InstrumentId release,
                           String failure) {
    }

    private final List<Barrier> waiting = new ArrayList<>();
    /** The latest rejection no waiting flush will report: the next flush does. */
    private String unreportedFailure;

    void addFlush(CompletableFuture<Void> done, Collection<FileSlot> slots) {
        Map<FileSlot, Long> targets = new HashMap<>();
        for (FileSlot s : slots) {
            if (s.finished < s.appended) {
                targets.put(s, s.appended);
            }
        }
        waiting.add(new Barrier(done, targets, null, unreportedFailure));
        unreportedFailure = null;
    }

    /** {@code slot}: the instrument's file, or null when the writer has none. */
    void addRelease(InstrumentId id, CompletableFuture<Void> done, FileSlot slot) {
        Map<FileSlot, Long> targets = slot == null || slot.finished == slot.appended ? Map.of() : Map.of(slot, slot.appended);
        waiting.add(new Barrier(done, targets, id, null));
    }

    /** Called when a file's pending operations were rejected ({@code slot.failure} says why). */
    void rejected(FileSlot slot) {
        if (waiting.stream().noneMatch(b -> b.targets().containsKey(slot))) {
            unreportedFailure = slot.failure;
        }
    }

    /** Completes every barrier whose targets are finished, releasing files through {@code release} first. */
    void complete(Consumer<InstrumentId> release) {
        for (Iterator<Barrier> it = waiting.iterator(); it.hasNext(); ) {
            Barrier b = it.next();
            String failure = b.failure();
            boolean reached = true;
            for (Map.Entry<FileSlot, Long> t : b.targets().entrySet()) {
                reached &= t.getKey().finished >= t.getValue();
                failure = failure == null ? t.getKey().failure : failure;
            }
            if (!reached) {
                continue;
            }
            it.remove();
            if (b.release() != null) {
                release.accept(b.release());
            }
            if (failure == null) {
                b.done().complete(null);
            } else {
                b.done().completeExceptionally(new StoreException(failure));
            }
        }
    }

    /** Fails whatever still waits (only after a bug: at shutdown every target is finished). */
    void failAll(String why) {
        waiting.forEach(b -> b.done().completeExceptionally(new StoreException(why)));
        waiting.clear();
    }
}
