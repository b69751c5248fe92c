package okxstore.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.config.InstrumentSettings;
import okxstore.config.Settings;
import okxstore.json.Json;
import okxstore.store.SeriesSummary;
import okxstore.store.StoreReader;
import okxstore.sync.DaemonStatusFile;

/** {@code status [--json] [--check]}: per instrument and bar what is on disk and how fresh, and the daemon's health. */
final class StatusCommand implements Command {
    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "what is on disk and how fresh, and the daemon's health";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store status [--json] [--check]

            Per instrument and bar: rows, first and last bar, age of the newest update, open gaps,
            live mode and file size; then the daemon's health when one runs (connections,
            subscriptions, reconnects, fallbacks, recent errors).
              --json    one JSON document instead of the table
              --check   exit 1 when a configured series is stale (its last closed bar is missing
                        longer than status.stale.seconds), for monitors
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of(), Set.of("json", "check"));
        args.maxPositional(0);
        Settings settings = cli.settings();
        cli.logToStderr();
        Path dir = settings.dataDir();
        long now = System.currentTimeMillis();
        long staleMs = settings.integer("status.stale.seconds") * 1000L;
        List<Map<String, Object>> series = new ArrayList<>();
        int stale = 0;
        try (StoreReader reader = new StoreReader(dir)) {
            Set<InstrumentId> ids = new LinkedHashSet<>();
            settings.instruments().forEach(i -> ids.add(i.id()));
            if (Files.isDirectory(dir)) {
                ids.addAll(reader.instruments());
            }
            for (InstrumentId id : ids) {
                InstrumentSettings conf = settings.instrument(id).orElse(null);
                Set<Bar> bars = new LinkedHashSet<>(conf == null ? List.of() : conf.bars());
                if (Files.isRegularFile(dir.resolve(id.fileName()))) {
                    bars.addAll(reader.bars(id));
                }
                long size = fileSize(dir.resolve(id.fileName()));
                for (Bar bar : bars) {
                    SeriesSummary s = reader.summary(id, bar);
                    boolean wanted = conf != null && conf.enabled() && conf.bars().contains(bar);
                    boolean isStale = wanted && isStale(bar, s, now, staleMs);
                    stale += isStale ? 1 : 0;
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("instrument", id.value());
                    m.put("bar", bar.okxName());
                    m.put("rows", s.rows());
                    m.put("first", s.firstTs().isPresent() ? IsoTime.format(s.firstTs().getAsLong()) : null);
                    m.put("last", s.lastTs().isPresent() ? IsoTime.format(s.lastTs().getAsLong()) : null);
                    m.put("age_ms", s.lastUpdatedAt().isPresent() ? now - s.lastUpdatedAt().getAsLong() : null);
                    m.put("gaps", s.rows() == 0 ? 0L : (long) reader.openGaps(id, bar).size());
                    m.put("mode", conf == null ? "not-configured" : conf.enabled() ? conf.mode() : "disabled");
                    m.put("stale", isStale);
                    m.put("file_bytes", size);
                    series.add(m);
                }
            }
        }
        Map<String, Object> daemon = DaemonStatusFile.read(dir, now);
        mergeDaemonStates(series, daemon);
        if (args.flag("json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("data_dir", dir.toString());
            doc.put("time", IsoTime.format(now));
            doc.put("series", series);
            doc.put("daemon", daemon);
            cli.out.println(Json.write(doc));
        } else {
            table(cli, series);
            cli.out.println(DaemonStatusFile.describe(daemon));
        }
        if (args.flag("check") && stale > 0) {
            cli.err.println("okx-store: " + stale + " series stale (see status)");
            return 1;
        }
        return 0;
    }

    /** Adds the running daemon's view of each series (live, polling, repairing, inactive...) as {@code state}. */
    private static void mergeDaemonStates(List<Map<String, Object>> series, Map<String, Object> daemon) {
        if (!(daemon.get("series") instanceof List<?> list)) {
            return;
        }
        Map<String, Object> states = new LinkedHashMap<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                states.put(m.get("instrument") + "/" + m.get("bar"), m.get("state"));
            }
        }
        for (Map<String, Object> m : series) {
            Object state = states.get(m.get("instrument") + "/" + m.get("bar"));
            if (state != null) {
                m.put("state", state);
            }
        }
    }

    /** Stale: the newest bar that closed more than {@code staleMs} ago is not stored. */
    static boolean isStale(Bar bar, SeriesSummary s, long now, long staleMs) {
        long expected = bar.plus(bar.openTime(now - staleMs), -1);
        return s.lastTs().isEmpty() || s.lastTs().getAsLong() < expected;
    }

    private static long fileSize(Path p) {
        try {
            long size = Files.isRegularFile(p) ? Files.size(p) : 0;
            Path wal = p.resolveSibling(p.getFileName() + "-wal");
            return size + (Files.isRegularFile(wal) ? Files.size(wal) : 0);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void table(Cli cli, List<Map<String, Object>> series) {
        String fmt = "%-16s %-7s %9s  %-20s  %-20s  %8s  %5s  %-22s %8s%n";
        cli.out.printf(Locale.ROOT, fmt, "INSTRUMENT", "BAR", "ROWS", "FIRST", "LAST", "AGE", "GAPS", "MODE", "SIZE");
        for (Map<String, Object> m : series) {
            Object age = m.get("age_ms");
            String mode = m.get("mode") + (m.containsKey("state") ? "/" + m.get("state") : "")
                + (Boolean.TRUE.equals(m.get("stale")) ? " STALE" : "");
            cli.out.printf(Locale.ROOT, fmt, m.get("instrument"), m.get("bar"), m.get("rows"), dash(m.get("first")),
                dash(m.get("last")), age == null ? "-" : age((Long) age), m.get("gaps"), mode, size((Long) m.get("file_bytes")));
        }
    }

    private static String dash(Object o) {
        return o == null ? "-" : o.toString();
    }

    static String age(long ms) {
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        if (ms < 3_600_000) {
            return (ms / 60_000) + "m";
        }
        if (ms < 172_800_000) {
            return (ms / 3_600_000) + "h";
        }
        return (ms / 86_400_000) + "d";
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + "K";
        }
        return String.format(Locale.ROOT, "%.1fM", bytes / 1048576.0);
    }
}
