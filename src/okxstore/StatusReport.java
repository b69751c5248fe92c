package okxstore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.config.InstrumentSettings;
import okxstore.config.Settings;
import okxstore.store.SeriesSummary;
import okxstore.store.StoreException;
import okxstore.store.StoreReader;

/** Builds a {@link StoreStatus} from the files, the configuration and the engine's status document. */
final class StatusReport {
    private StatusReport() {
    }

    /**
     * Every configured series and every series on disk, in that order.
     *
     * @param settings null for a read-only store (only what is on disk is listed)
     * @param engine   the engine's status document, when it runs
     */
    static StoreStatus build(Path dir, Settings settings, StoreReader reader, long now,
                             Optional<Map<String, Object>> engine) throws StoreException {
        Map<String, String> states = engine.map(StatusReport::seriesStates).orElse(Map.of());
        Set<InstrumentId> ids = new LinkedHashSet<>();
        if (settings != null) {
            settings.instruments().forEach(i -> ids.add(i.id()));
        }
        if (Files.isDirectory(dir)) {
            ids.addAll(reader.instruments());
        }
        List<SeriesStatus> series = new ArrayList<>();
        for (InstrumentId id : ids) {
            InstrumentSettings conf = settings == null ? null : settings.instrument(id).orElse(null);
            Set<Bar> bars = new LinkedHashSet<>(conf == null ? List.of() : conf.bars());
            if (Files.isRegularFile(dir.resolve(id.fileName()))) {
                bars.addAll(reader.bars(id));
            }
            for (Bar bar : bars) {
                SeriesSummary s = reader.summary(id, bar);
                String mode = conf == null || !conf.bars().contains(bar) ? "not-configured"
                    : conf.enabled() ? conf.mode() : "disabled";
                OptionalLong age = s.lastUpdatedAt().isPresent() ? OptionalLong.of(now - s.lastUpdatedAt().getAsLong())
                    : OptionalLong.empty();
                series.add(new SeriesStatus(id, bar, s.rows(), s.firstTs(), s.lastTs(), s.lastUpdatedAt(), age, mode,
                    states.getOrDefault(id.value() + "/" + bar.okxName(), SeriesStatus.STOPPED)));
            }
        }
        return new StoreStatus(dir, now, settings == null, series, engine.map(StatusReport::engine));
    }

    private static Map<String, String> seriesStates(Map<String, Object> doc) {
        Map<String, String> out = new HashMap<>();
        for (Object o : list(doc.get("series"))) {
            if (o instanceof Map<?, ?> m) {
                out.put(m.get("instrument") + "/" + m.get("bar"), String.valueOf(m.get("state")));
            }
        }
        return out;
    }

    private static EngineStatus engine(Map<String, Object> doc) {
        List<?> conns = list(doc.get("connections"));
        int connected = (int) conns.stream().filter(c -> c instanceof Map<?, ?> m && "connected".equals(m.get("state")))
            .count();
        List<String> errors = list(doc.get("recent_errors")).stream().map(String::valueOf).toList();
        return new EngineStatus(number(doc, "subscriptions"), number(doc, "polling"), number(doc, "fallbacks"),
            number(doc, "reconnects"), number(doc, "pushes"), number(doc, "rest_tasks"), conns.size(), connected, errors);
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static long number(Map<String, Object> doc, String key) {
        return doc.get(key) instanceof Number n ? n.longValue() : 0;
    }
}
