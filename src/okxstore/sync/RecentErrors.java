package okxstore.sync;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last few error lines, with their time, for the status file. Thread-safe. */
final class RecentErrors {
    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    RecentErrors(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String line) {
        lines.addLast(Instant.now() + " " + line);
        while (lines.size() > capacity) {
            lines.removeFirst();
        }
    }

    synchronized List<String> list() {
        return new ArrayList<>(lines);
    }
}
