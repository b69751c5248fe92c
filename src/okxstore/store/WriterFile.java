package okxstore.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * One instrument file as the writer sees it: its connection (opened lazily, migrated on open),
 * one prepared upsert per bar, and the transaction that applies a run of operations.
 * Used by the writer thread only.
 */
final class WriterFile implements AutoCloseable {
    /** What one committed transaction did to candle rows. */
    record Applied(List<StoredCandle> changed, long unchanged) {
    }

    private final InstrumentId id;
    private final Path path;
    private final Map<Bar, PreparedStatement> upserts = new EnumMap<>(Bar.class);
    private Connection conn;
    private PreparedStatement recordHole;
    private PreparedStatement clearHoles;
    private PreparedStatement historyFloor;
    private PreparedStatement listingFloor;

    WriterFile(InstrumentId id, Path path) {
        this.id = id;
        this.path = path;
    }

    String name() {
        return path.getFileName().toString();
    }

    boolean isOpen() {
        return conn != null;
    }

    /** Opens the file if needed: creates it, refuses a newer schema, migrates an older one, sets WAL. */
    void open(long nowMs, WriterSettings settings) throws SQLException, IOException {
        if (conn != null) {
            return;
        }
        Files.createDirectories(path.toAbsolutePath().getParent());
        Connection c = Database.openWriter(path, settings.busyTimeout());
        try {
            int version = Database.userVersion(c);
            if (version > Schema.CURRENT_VERSION) {
                throw new NewerSchemaException(name(), version); // checked before anything is written
            }
            Database.tuneWriter(c);
            Schema.migrate(c, name(), id, nowMs);
            recordHole = c.prepareStatement("INSERT INTO holes(bar, from_ts, to_ts, reason, checked_at, attempts)"
                + " VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT(bar, from_ts) DO UPDATE SET to_ts = excluded.to_ts,"
                + " reason = excluded.reason, checked_at = excluded.checked_at, attempts = attempts + 1");
            clearHoles = c.prepareStatement("DELETE FROM holes WHERE bar = ?");
            historyFloor = c.prepareStatement("INSERT INTO sync_state(bar, history_floor, history_complete)"
                + " VALUES (?, ?, ?) ON CONFLICT(bar) DO UPDATE SET history_floor = excluded.history_floor,"
                + " history_complete = excluded.history_complete");
            listingFloor = c.prepareStatement("INSERT INTO sync_state(bar, listing_floor) VALUES (?, ?)"
                + " ON CONFLICT(bar) DO UPDATE SET listing_floor = excluded.listing_floor");
            conn = c;
        } catch (SQLException | IOException | RuntimeException e) {
            Database.closeQuietly(c);
            throw e;
        }
    }

    /** Applies {@code ops} in one transaction; on failure rolls back, closes the connection and throws. */
    Applied apply(List<WriteOp.FileOp> ops) throws SQLException {
        List<StoredCandle> changed = new ArrayList<>();
        long unchanged = 0;
        try {
            Database.exec(conn, "BEGIN IMMEDIATE");
            for (WriteOp.FileOp op : ops) {
                switch (op) {
                    case WriteOp.Put p -> {
                        if (upsert(p.candle()) > 0) {
                            changed.add(p.candle());
                        } else {
                            unchanged++;
                        }
                    }
                    case WriteOp.RecordHole h -> {
                        recordHole.setString(1, h.bar().okxName());
                        recordHole.setLong(2, h.from());
                        recordHole.setLong(3, h.to());
                        recordHole.setString(4, h.reason());
                        recordHole.setLong(5, h.now());
                        recordHole.executeUpdate();
                    }
                    case WriteOp.ClearHoles h -> {
                        clearHoles.setString(1, h.bar().okxName());
                        clearHoles.executeUpdate();
                    }
                    case WriteOp.SetHistoryFloor f -> {
                        historyFloor.setString(1, f.bar().okxName());
                        historyFloor.setLong(2, f.floor());
                        historyFloor.setInt(3, f.complete() ? 1 : 0);
                        historyFloor.executeUpdate();
                    }
                    case WriteOp.SetListingFloor f -> {
                        listingFloor.setString(1, f.bar().okxName());
                        listingFloor.setLong(2, f.floor());
                        listingFloor.executeUpdate();
                    }
                }
            }
            Database.exec(conn, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            Database.rollbackQuietly(conn);
            close(); // a fresh connection on retry: no half-known tables or statements
            throw e;
        }
        return new Applied(changed, unchanged);
    }

    private int upsert(StoredCandle sc) throws SQLException {
        PreparedStatement ps = upserts.get(sc.bar());
        if (ps == null) {
            Database.exec(conn, Schema.createCandleTable(sc.bar()));
            ps = conn.prepareStatement(Schema.upsertCandle(sc.bar()));
            upserts.put(sc.bar(), ps);
        }
        Schema.bindUpsert(ps, sc);
        return ps.executeUpdate();
    }

    /** {@code PRAGMA wal_checkpoint(PASSIVE)}: copies what it can without waiting on readers. */
    void checkpoint() throws SQLException {
        if (conn != null) {
            Database.queryLong(conn, "PRAGMA wal_checkpoint(PASSIVE)");
        }
    }

    @Override
    public void close() {
        upserts.values().forEach(Database::closeQuietly);
        upserts.clear();
        for (PreparedStatement ps : new PreparedStatement[] {recordHole, clearHoles, historyFloor, listingFloor}) {
            Database.closeQuietly(ps);
        }
        recordHole = clearHoles = historyFloor = listingFloor = null;
        Database.closeQuietly(conn);
        conn = null;
    }
}
