package okxstore.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * One database file of a snapshot as {@code MANIFEST.json} lists it: its instrument, when it was
 * copied, the schema version, size and SHA-256 of the file, and per bar the rows and the first
 * and last bar. Immutable.
 */
public record ManifestEntry(String file, InstrumentId instrument, long snapshotAt, int schemaVersion, long bytes,
                            String sha256, List<Series> bars) {
    private static final Map<String, Bar> BY_TABLE =
        Arrays.stream(Bar.values()).collect(Collectors.toUnmodifiableMap(Bar::tableName, b -> b));

    /** Rows of one bar table; first and last are open times, empty when the table has no rows. */
    public record Series(Bar bar, long rows, OptionalLong first, OptionalLong last) {
        public Series {
            Objects.requireNonNull(bar, "bar");
        }
    }

    public ManifestEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(sha256, "sha256");
        bars = List.copyOf(bars);
    }

    /** The bars that have a table in the file, in {@link Bar} order. */
    static List<Bar> tables(Connection c) throws SQLException {
        List<Bar> bars = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM sqlite_master WHERE type = 'table'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Bar bar = BY_TABLE.get(rs.getString(1));
                if (bar != null) {
                    bars.add(bar);
                }
            }
        }
        bars.sort(null);
        return bars;
    }

    /** Rows, first and last bar of a table that exists. */
    static Series summarize(Connection c, Bar bar) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(ts), MAX(ts) FROM " + bar.tableName());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long rows = rs.getLong(1);
            return rows == 0 ? new Series(bar, 0, OptionalLong.empty(), OptionalLong.empty())
                : new Series(bar, rows, OptionalLong.of(rs.getLong(2)), OptionalLong.of(rs.getLong(3)));
        }
    }

    Map<String, Object> toJson() {
        List<Object> series = new ArrayList<>();
        for (Series s : bars) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bar", s.bar().okxName());
            m.put("rows", s.rows());
            m.put("first", s.first().isPresent() ? Instant.ofEpochMilli(s.first().getAsLong()).toString() : null);
            m.put("last", s.last().isPresent() ? Instant.ofEpochMilli(s.last().getAsLong()).toString() : null);
            series.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("instrument", instrument.value());
        m.put("snapshot_at", Instant.ofEpochMilli(snapshotAt).toString());
        m.put("schema_version", schemaVersion);
        m.put("bytes", bytes);
        m.put("sha256", sha256);
        m.put("bars", series);
        return m;
    }

    /** Reads an entry written by {@link #toJson}; throws IllegalArgumentException naming what is wrong. */
    static ManifestEntry fromJson(Object value) {
        Map<?, ?> m = object(value, "a file entry");
        String file = string(m, "file");
        List<Series> series = new ArrayList<>();
        if (!(m.get("bars") instanceof List<?> bars)) {
            throw new IllegalArgumentException(file + ": 'bars' is not a list");
        }
        for (Object b : bars) {
            Map<?, ?> s = object(b, file + ": a bar entry");
            series.add(new Series(Bar.parse(string(s, "bar")), number(s, "rows"), time(s, "first"), time(s, "last")));
        }
        String sha = string(m, "sha256");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(file + ": 'sha256' is not 64 hex digits");
        }
        InstrumentId instrument = new InstrumentId(string(m, "instrument"));
        if (!file.equals(instrument.fileName())) {
            throw new IllegalArgumentException("file '" + file + "' is not the file of " + instrument);
        }
        return new ManifestEntry(file, instrument,
            time(m, "snapshot_at").orElseThrow(() -> new IllegalArgumentException(file + ": no 'snapshot_at'")),
            Math.toIntExact(number(m, "schema_version")), number(m, "bytes"), sha, series);
    }

    private static Map<?, ?> object(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(what + " is not an object");
    }

    private static String string(Map<?, ?> m, String key) {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("'" + key + "' is missing or not a string");
    }

    private static long number(Map<?, ?> m, String key) {
        if (m.get(key) instanceof Long n) {
            return n;
        }
        throw new IllegalArgumentException("'" + key + "' is missing or not a whole number");
    }

    private static OptionalLong time(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Instant.parse((String) v).toEpochMilli());
        } catch (ClassCastException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + key + "' is not an ISO-8601 time: " + v);
        }
    }
}
