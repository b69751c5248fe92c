package okxstore.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import okxstore.json.Json;
import okxstore.json.JsonException;

/**
 * The daemon's health, published as {@code status.json} in the data directory: written atomically
 * every few seconds by the daemon, read by {@code status} and {@code websocket status} in other
 * processes. A file left by a daemon that is gone (no lock held) reads as not running.
 */
public final class DaemonStatusFile {
    public static final String FILE_NAME = "status.json";

    private DaemonStatusFile() {
    }

    /** Writes the document atomically (temporary file, then rename). */
    public static void write(Path dataDir, Map<String, Object> doc) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Path tmp = dataDir.resolve("." + FILE_NAME + ".tmp");
        Files.writeString(tmp, Json.write(doc), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The daemon's last published status plus {@code running} and {@code status_age_ms}; when no
     * daemon holds the data directory, just {@code running: false}.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path dataDir, long now) {
        Map<String, Object> out = new LinkedHashMap<>();
        String holder = DataDirLock.holder(dataDir);
        boolean daemon = holder != null && holder.endsWith(" daemon");
        out.put("running", daemon);
        if (!daemon) {
            if (holder != null) {
                out.put("busy", holder);
            }
            return out;
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Object doc = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (doc instanceof Map<?, ?> m) {
                out.putAll((Map<String, Object>) m);
                Object written = m.get("written_at");
                if (written instanceof Long w) {
                    out.put("status_age_ms", now - w);
                }
            }
        } catch (IOException | JsonException e) {
            out.put("error", "cannot read " + file + ": " + e.getMessage());
        }
        out.put("running", true);
        return out;
    }

    /** A one-line summary of the daemon for the status table. */
    public static String describe(Map<String, Object> d) {
        if (!Boolean.TRUE.equals(d.get("running"))) {
            return d.containsKey("busy") ? "daemon: not running (data directory busy: " + d.get("busy") + ")"
                : "daemon: not running";
        }
        StringBuilder sb = new StringBuilder("daemon: running");
        append(sb, " (pid ", d.get("pid"), ")");
        if (d.get("connections") instanceof List<?> conns) {
            long up = conns.stream().filter(c -> c instanceof Map<?, ?> m && "connected".equals(m.get("state"))).count();
            sb.append(", websocket ").append(up).append('/').append(conns.size()).append(" connected");
        }
        append(sb, ", ", d.get("subscriptions"), " subscriptions");
        append(sb, ", ", d.get("reconnects"), " reconnects");
        append(sb, ", ", d.get("fallbacks"), " fallbacks");
        append(sb, ", ", d.get("polling"), " series polling");
        if (d.get("recent_errors") instanceof List<?> errs && !errs.isEmpty()) {
            sb.append(", last error: ").append(errs.get(errs.size() - 1));
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String before, Object value, String after) {
        if (value != null) {
            sb.append(before).append(value).append(after);
        }
    }
}
