package okxstore.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;

/** The SELECTs behind {@link StoreReader}, each one short statement on a connection it is given. Stateless. */
final class Queries {
    private static final Map<String, Bar> BY_TABLE =
        Arrays.stream(Bar.values()).collect(Collectors.toUnmodifiableMap(Bar::tableName, b -> b));

    private Queries() {
    }

    /** Bars that have a table in the file, in {@link Bar} order. */
    static List<Bar> bars(Connection c) throws SQLException {
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

    /** Candles a query over {@link Schema#CANDLE_COLUMNS} returns, binding {@code args} in order. */
    static List<StoredCandle> candles(Connection c, InstrumentId id, Bar bar, String sql, long... args)
        throws SQLException {
        List<StoredCandle> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = bind(ps, args).executeQuery()) {
            while (rs.next()) {
                Candle candle = new Candle(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                    rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getInt(9) != 0);
                rows.add(new StoredCandle(id, bar, candle, rs.getString(10), rs.getLong(11)));
            }
        }
        return rows;
    }

    /** The first column of every row. */
    static List<Long> longs(Connection c, String sql, long... args) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = bind(ps, args).executeQuery()) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    /** The first column of the first row; empty for no row or NULL. */
    static OptionalLong number(Connection c, String sql, long... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = bind(ps, args).executeQuery()) {
            return rs.next() ? optionalLong(rs, 1) : OptionalLong.empty();
        }
    }

    static SeriesSummary summary(Connection c, Bar bar) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(ts), MAX(ts), TOTAL(confirmed),"
            + " MAX(updated_at) FROM " + bar.tableName()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long rows = rs.getLong(1);
            return rows == 0 ? SeriesSummary.EMPTY : new SeriesSummary(rows, OptionalLong.of(rs.getLong(2)),
                OptionalLong.of(rs.getLong(3)), rs.getLong(4), OptionalLong.of(rs.getLong(5)));
        }
    }

    static List<Hole> holes(Connection c, Bar bar) throws SQLException {
        List<Hole> holes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT from_ts, to_ts, reason, checked_at, attempts"
            + " FROM holes WHERE bar = ? ORDER BY from_ts")) {
            ps.setString(1, bar.okxName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holes.add(new Hole(bar, rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5)));
                }
            }
        }
        return holes;
    }

    static SyncState syncState(Connection c, Bar bar) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT history_floor, history_complete, listing_floor FROM sync_state WHERE bar = ?")) {
            ps.setString(1, bar.okxName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return SyncState.empty(bar);
                }
                OptionalLong floor = optionalLong(rs, 1);
                boolean complete = rs.getInt(2) != 0;
                return new SyncState(bar, floor, complete, optionalLong(rs, 3));
            }
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, long... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setLong(i + 1, args[i]);
        }
        return ps;
    }

    private static OptionalLong optionalLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
