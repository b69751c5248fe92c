package okxstore.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import okxstore.candle.LiveFeed;

/** Builds the plain-value status document of the engine (maps, lists, strings, numbers) for {@code status.json}. */
final class EngineStatus {
    private EngineStatus() {
    }

    static Map<String, Object> of(Collection<LiveSeries> series, long now, long pushes,
                                  long restTasks, List<String> errors, LiveFeed feed) {
        Map<String, Object> doc = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        long subscribed = 0;
        long polling = 0;
        long fallbacks = 0;
        for (LiveSeries s : series) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instrument", s.id.value());
            m.put("bar", s.bar.okxName());
            m.put("mode", s.mode);
            m.put("state", s.inactive ? "inactive (" + s.inactiveReason + ")"
                : s.busy ? "syncing" : s.polling ? "polling" : s.repairNeeded ? "repairing" : "live");
            m.put("socket", s.socket == null ? null : s.socket.name().toLowerCase(java.util.Locale.ROOT));
            m.put("last_push_ms_ago", s.lastPushAt == 0 ? null : now - s.lastPushAt);
            m.put("fallbacks", s.fallbacks);
            m.put("last_error", s.lastError);
            list.add(m);
            subscribed += s.socket == LiveFeed.SeriesState.SUBSCRIBED ? 1 : 0;
            polling += s.polling ? 1 : 0;
            fallbacks += s.fallbacks;
        }
        doc.put("subscriptions", subscribed);
        doc.put("polling", polling);
        doc.put("fallbacks", fallbacks);
        doc.put("pushes", pushes);
        doc.put("rest_tasks", restTasks);
        if (feed != null) {
            doc.put("connections", feed.connections());
            Map<String, Long> counters = feed.counters();
            doc.put("reconnects", counters.getOrDefault("reconnects", 0L));
            doc.put("socket_counters", new LinkedHashMap<String, Object>(counters));
        } else {
            doc.put("connections", List.of());
            doc.put("reconnects", 0L);
        }
        doc.put("recent_errors", errors);
        doc.put("series", list);
        return doc;
    }
}
