package okxstore.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The data directory's file of one instrument as an import writes it: rows merged in short
 * transactions with the store's upsert (confirmed wins, equal {@code updated_at} changes nothing),
 * beside a daemon that writes the same file. A file that does not exist yet is built under a
 * temporary name and only placed, complete, by {@link #finish}. A dry run opens it read-only and
 * only classifies. Used by one thread.
 */
final class ImportTarget implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ImportTarget.class.getName());
    /** Transactions retried after SQLITE_BUSY (each already waited the busy timeout). */
    private static final int BUSY_ATTEMPTS = 3;
    static final int ADDED = 0;
    static final int REPLACED = 1;
    static final int UNCHANGED = 2;

    private final InstrumentId id;
    private final Path file;
    private final Path temp;
    private final boolean dryRun;
    private final InstantSource clock;
    private final Map<Bar, PreparedStatement> lookups = new EnumMap<>(Bar.class);
    private final Map<Bar, PreparedStatement> upserts = new EnumMap<>(Bar.class);
    private Connection conn;
    private boolean opened;
    /** Writing the temporary file, which is not in place yet. */
    private boolean building;

    ImportTarget(Path dataDir, InstrumentId id, boolean dryRun, InstantSource clock) {
        this.id = id;
        this.file = dataDir.resolve(id.fileName());
        this.temp = dataDir.resolve(id.fileName() + SnapshotFiles.IMPORT_TEMP);
        this.dryRun = dryRun;
        this.clock = clock;
    }

    InstrumentId id() {
        return id;
    }

    Path temp() {
        return temp;
    }

    /** The phase the target's 2D/3D rows share, if it has any (see {@link VerifyGrid#storedAnchor}). */
    OptionalLong anchor(Bar bar) throws StoreException {
        try {
            if (conn != null) {
                return VerifyGrid.storedAnchor(conn, bar);
            }
            if (!VerifyGrid.anchoredByData(bar) || !Files.isRegularFile(file)) {
                return OptionalLong.empty();
            }
            try (Connection c = Database.openReader(file)) {
                return VerifyGrid.storedAnchor(c, bar);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Merges rows of one bar in one transaction (a dry run only classifies); counts indexed by {@link #ADDED}... */
    long[] apply(Bar bar, List<StoredCandle> rows) throws StoreException {
        long[] counts = new long[3];
        try {
            Connection c = connection();
            if (dryRun) {
                ImportStatements.classify(c, bar, rows, counts);
                return counts;
            }
            prepare(c, bar);
            for (int attempt = 1; ; attempt++) {
                try {
                    write(c, bar, rows, counts);
                    break;
                } catch (SQLException e) {
                    Database.rollbackQuietly(c);
                    java.util.Arrays.fill(counts, 0);
                    if (!busy(e) || attempt >= BUSY_ATTEMPTS) {
                        throw e;
                    }
                    LOG.log(Level.FINE, () -> file.getFileName() + ": busy, retrying the import transaction");
                }
            }
            Database.exec(c, "PRAGMA wal_checkpoint(PASSIVE)"); // no reader waits behind a growing WAL
        } catch (SQLException | IOException e) {
            throw failure(e);
        }
        return counts;
    }

    private void write(Connection c, Bar bar, List<StoredCandle> rows, long[] counts) throws SQLException {
        PreparedStatement lookup = lookups.get(bar);
        PreparedStatement upsert = upserts.get(bar);
        Database.exec(c, "BEGIN IMMEDIATE");
        for (StoredCandle row : rows) {
            lookup.setLong(1, row.ts());
            boolean existed;
            try (ResultSet rs = lookup.executeQuery()) {
                existed = rs.next();
            }
            Schema.bindUpsert(upsert, row);
            counts[upsert.executeUpdate() == 0 ? UNCHANGED : existed ? REPLACED : ADDED]++;
        }
        Database.exec(c, "COMMIT");
    }

    /** Adds the source's holes that the file lacks and merges its sync state, in one transaction. */
    void mergeState(Bar bar, List<Hole> holes, Optional<SyncState> state) throws StoreException {
        if (dryRun || holes.isEmpty() && state.isEmpty()) {
            return;
        }
        try {
            Connection c = connection();
            Database.exec(c, "BEGIN IMMEDIATE");
            try {
                ImportStatements.insertHoles(c, holes);
                if (state.isPresent()) {
                    ImportStatements.mergeSyncState(c, state.get());
                }
                Database.exec(c, "COMMIT");
            } catch (SQLException | RuntimeException e) {
                Database.rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw failure(e);
        }
    }

    /**
     * Closes the file; a new one is switched to {@code journal_mode=DELETE}, synced and given its name
     * (never replacing a file). False when the file appeared meanwhile: then merge {@link #temp()} into it.
     */
    boolean finish() throws StoreException {
        try {
            if (building) {
                Database.exec(conn, "PRAGMA journal_mode=DELETE"); // one file to rename, no WAL beside it
            }
            closeConnection();
            if (!building) {
                return true;
            }
            SnapshotFiles.sync(temp);
            if (SnapshotFiles.placeIfAbsent(temp, file)) {
                building = false;
                return true;
            }
            return false;
        } catch (SQLException | IOException e) {
            throw failure(e);
        }
    }

    private Connection connection() throws SQLException, IOException {
        if (opened) {
            return conn;
        }
        opened = true;
        if (dryRun) {
            conn = Files.isRegularFile(file) ? Database.openReader(file) : null;
            return conn;
        }
        Path path = file;
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(file.getParent());
            SnapshotFiles.deleteDatabase(temp); // left by a killed import: built again from the start
            path = temp;
            building = true;
        }
        Connection c = Database.openWriter(path, Database.BUSY_TIMEOUT);
        try {
            int version = Database.userVersion(c);
            if (version > Schema.CURRENT_VERSION) {
                throw new NewerSchemaException(file.getFileName().toString(), version);
            }
            Database.tuneWriter(c);
            Schema.migrate(c, file.getFileName().toString(), id, clock.millis());
        } catch (SQLException | RuntimeException | StoreException e) {
            Database.closeQuietly(c);
            throw e;
        }
        conn = c;
        return c;
    }

    private void prepare(Connection c, Bar bar) throws SQLException {
        if (!upserts.containsKey(bar)) {
            Database.exec(c, Schema.createCandleTable(bar)); // its own statement: a rolled-back chunk never drops it
            lookups.put(bar, c.prepareStatement("SELECT 1 FROM " + bar.tableName() + " WHERE ts = ?"));
            upserts.put(bar, c.prepareStatement(Schema.upsertCandle(bar)));
        }
    }

    private static boolean busy(SQLException e) {
        return e instanceof SQLiteException se && (se.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code;
    }

    private StoreException failure(Exception e) {
        return e instanceof StoreException se ? se : new StoreException(file + ": " + e.getMessage(), e);
    }

    private void closeConnection() {
        lookups.values().forEach(Database::closeQuietly);
        upserts.values().forEach(Database::closeQuietly);
        lookups.clear();
        upserts.clear();
        Database.closeQuietly(conn);
        conn = null;
    }

    /** Closes the file; a new file not placed by {@link #finish} is deleted: nothing of it reached the store. */
    @Override
    public void close() {
        closeConnection();
        if (building) {
            try {
                SnapshotFiles.deleteDatabase(temp);
            } catch (IOException e) {
                LOG.log(Level.WARNING, temp + ": cannot delete the unfinished import file", e);
            }
        }
    }
}
