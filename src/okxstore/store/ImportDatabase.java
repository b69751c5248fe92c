package okxstore.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;

/**
 * A database file being imported, opened read-only: its bars, candles a page at a time (each page
 * one short read transaction, so a live source keeps working), holes and sync state. Used by one thread.
 */
final class ImportDatabase implements AutoCloseable {
    private final String name;
    private final Connection conn;

    ImportDatabase(Path file) throws StoreException {
        this.name = file.toString();
        try {
            this.conn = Database.openReader(file);
        } catch (SQLException e) {
            throw new StoreException(name + ": cannot open it: " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    int schemaVersion() throws StoreException {
        return read(() -> Database.userVersion(conn));
    }

    /** The instrument its meta table names, if it has one. */
    Optional<String> metaInstrument() throws StoreException {
        return read(() -> {
            if (!Database.hasTable(conn, "meta")) {
                return Optional.empty();
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM meta WHERE key = 'inst_id'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    List<Bar> bars() throws StoreException {
        return read(() -> ManifestEntry.tables(conn));
    }

    /** Bars with holes or sync state recorded, whether or not they have a candle table. */
    List<Bar> stateBars() throws StoreException {
        return read(() -> {
            List<Bar> bars = new ArrayList<>();
            if (!Database.hasTable(conn, "holes") || !Database.hasTable(conn, "sync_state")) {
                return bars;
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT bar FROM holes UNION SELECT bar FROM sync_state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (Bar b : Bar.values()) {
                        if (b.okxName().equals(rs.getString(1))) {
                            bars.add(b);
                        }
                    }
                }
            }
            bars.sort(null);
            return bars;
        });
    }

    /** The phase most of a 2D/3D table's rows share; see {@link VerifyGrid#storedAnchor}. */
    OptionalLong anchor(Bar bar) throws StoreException {
        return read(() -> VerifyGrid.storedAnchor(conn, bar));
    }

    /** Up to {@code limit} candles opening after {@code afterTs}, oldest first. */
    List<StoredCandle> page(InstrumentId id, Bar bar, long afterTs, int limit) throws StoreException {
        List<StoredCandle> rows = new ArrayList<>(Math.min(limit, 8192));
        read(() -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + Schema.CANDLE_COLUMNS + " FROM "
                + bar.tableName() + " WHERE ts > ? ORDER BY ts LIMIT ?")) {
                ps.setLong(1, afterTs);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(id, bar, rs));
                    }
                }
            }
            return null;
        });
        return rows;
    }

    private StoredCandle row(InstrumentId id, Bar bar, ResultSet rs) throws SQLException {
        long ts = rs.getLong(1);
        Candle c = new Candle(ts, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
            rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getInt(9) != 0);
        String source = rs.getString(10);
        if (source == null || source.isBlank()) {
            throw new SQLException(bar + " bar at " + Instant.ofEpochMilli(ts) + ": no source");
        }
        return new StoredCandle(id, bar, c, source, rs.getLong(11));
    }

    List<Hole> holes(Bar bar) throws StoreException {
        return read(() -> VerifyTable.holes(conn, bar));
    }

    /** The bar's sync state, empty when the file records none. */
    Optional<SyncState> syncState(Bar bar) throws StoreException {
        return read(() -> {
            if (!Database.hasTable(conn, "sync_state")) {
                return Optional.empty();
            }
            try (PreparedStatement ps = conn.prepareStatement(
                "SELECT history_floor, history_complete, listing_floor FROM sync_state WHERE bar = ?")) {
                ps.setString(1, bar.okxName());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    OptionalLong floor = optional(rs, 1);
                    boolean complete = rs.getInt(2) != 0;
                    return Optional.of(new SyncState(bar, floor, complete, optional(rs, 3)));
                }
            }
        });
    }

    static OptionalLong optional(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    private <T> T read(Query<T> q) throws StoreException {
        try {
            return q.run();
        } catch (SQLException e) {
            throw new StoreException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        Database.closeQuietly(conn);
    }
}
