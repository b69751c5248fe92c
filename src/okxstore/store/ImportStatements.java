package okxstore.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.OptionalLong;
import okxstore.candle.Bar;

/** The statements an import runs inside its transactions: the upsert's parameters, holes, sync state. Stateless. */
final class ImportStatements {
    private ImportStatements() {
    }

    /** {@link Schema#upsertCandle}'s rule in Java, for dry runs: would {@code row} replace the stored one? */
    static boolean wins(StoredCandle row, int storedConfirmed, long storedUpdatedAt) {
        int confirmed = row.candle().confirmed() ? 1 : 0;
        return confirmed > storedConfirmed || confirmed == storedConfirmed && row.updatedAt() > storedUpdatedAt;
    }

    /** A dry run: what the upsert rule would do with each row, against the file as it is. */
    static void classify(Connection c, Bar bar, List<StoredCandle> rows, long[] counts) throws SQLException {
        if (c == null || !Database.hasTable(c, bar.tableName())) {
            counts[ImportTarget.ADDED] += rows.size();
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT confirmed, updated_at FROM " + bar.tableName()
            + " WHERE ts = ?")) {
            for (StoredCandle row : rows) {
                ps.setLong(1, row.ts());
                try (ResultSet rs = ps.executeQuery()) {
                    int kind = !rs.next() ? ImportTarget.ADDED
                        : wins(row, rs.getInt(1), rs.getLong(2)) ? ImportTarget.REPLACED : ImportTarget.UNCHANGED;
                    counts[kind]++;
                }
            }
        }
    }

    /** Holes the file does not have yet (by bar and start); a hole it has is kept as it is. */
    static void insertHoles(Connection c, List<Hole> holes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO holes(bar, from_ts, to_ts, reason,"
            + " checked_at, attempts) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Hole h : holes) {
                ps.setString(1, h.bar().okxName());
                ps.setLong(2, h.from());
                ps.setLong(3, h.to());
                ps.setString(4, h.reason());
                ps.setLong(5, h.checkedAt());
                ps.setInt(6, h.attempts());
                ps.executeUpdate();
            }
        }
    }

    /**
     * Merges a source's sync state into the file's: history reaches back to the older floor (with that
     * side's completeness; either side's when equal), and a listing floor already known is kept.
     */
    static void mergeSyncState(Connection c, SyncState source) throws SQLException {
        SyncState mine = SyncState.empty(source.bar());
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT history_floor, history_complete, listing_floor FROM sync_state WHERE bar = ?")) {
            ps.setString(1, source.bar().okxName());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    mine = new SyncState(source.bar(), ImportDatabase.optional(rs, 1), rs.getInt(2) != 0,
                        ImportDatabase.optional(rs, 3));
                }
            }
        }
        SyncState merged = merge(mine, source);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_state(bar, history_floor, history_complete,"
            + " listing_floor) VALUES (?, ?, ?, ?) ON CONFLICT(bar) DO UPDATE SET"
            + " history_floor = excluded.history_floor, history_complete = excluded.history_complete,"
            + " listing_floor = excluded.listing_floor")) {
            ps.setString(1, merged.bar().okxName());
            setOptional(ps, 2, merged.historyFloor());
            ps.setInt(3, merged.historyComplete() ? 1 : 0);
            setOptional(ps, 4, merged.listingFloor());
            ps.executeUpdate();
        }
    }

    static SyncState merge(SyncState mine, SyncState theirs) {
        OptionalLong floor = mine.historyFloor();
        boolean complete = mine.historyComplete();
        if (theirs.historyFloor().isPresent()) {
            long t = theirs.historyFloor().getAsLong();
            if (floor.isEmpty() || t < floor.getAsLong()) {
                floor = theirs.historyFloor();
                complete = theirs.historyComplete();
            } else if (t == floor.getAsLong()) {
                complete |= theirs.historyComplete();
            }
        }
        OptionalLong listing = mine.listingFloor().isPresent() ? mine.listingFloor() : theirs.listingFloor();
        return new SyncState(mine.bar(), floor, complete, listing);
    }

    private static void setOptional(PreparedStatement ps, int i, OptionalLong v) throws SQLException {
        if (v.isPresent()) {
            ps.setLong(i, v.getAsLong());
        } else {
            ps.setNull(i, Types.INTEGER);
        }
    }
}
