package okxstore.okx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the live feed counts, for {@code status}: bumped from any thread, read as one map. Thread-safe. */
final class WsCounters {

    final LongAdder connects = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    final LongAdder pushes = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder unknownEvents = new LongAdder();
    final LongAdder badRows = new LongAdder();
    final LongAdder binary = new LongAdder();
    final LongAdder oversized = new LongAdder();
    final LongAdder pongTimeouts = new LongAdder();
    final LongAdder stale = new LongAdder();
    final LongAdder notices = new LongAdder();
    final LongAdder dropped = new LongAdder();

    /** Every counter by its status name, in a fixed order. */
    Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("connects", connects.sum());
        m.put("reconnects", reconnects.sum());
        m.put("dropped", dropped.sum());
        m.put("pushes", pushes.sum());
        m.put("refused", refused.sum());
        m.put("errors", errors.sum());
        m.put("malformed", malformed.sum());
        m.put("unknown_events", unknownEvents.sum());
        m.put("bad_rows", badRows.sum());
        m.put("binary", binary.sum());
        m.put("oversized", oversized.sum());
        m.put("pong_timeouts", pongTimeouts.sum());
        m.put("stale", stale.sum());
        m.put("notices", notices.sum());
        return m;
    }
}
