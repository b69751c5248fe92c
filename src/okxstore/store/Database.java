package okxstore.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.sqlite.SQLiteConfig;

/** Opening SQLite connections with this store's pragmas, and small statement helpers. Stateless. */
final class Database {
    /** A reader or importer beside the daemon needs a few seconds of waiting on locks (PITFALLS). */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);
    /** A writer's page cache in KiB (negative cache_size): thousands of files may be open at once. */
    static final int WRITER_CACHE_KIB = 512;

    private Database() {
    }

    /**
     * Opens (creating if needed) a file for writing. Only {@code busy_timeout} is set here, so that
     * nothing is written before the caller has checked the schema version; see {@link #tuneWriter}.
     */
    static Connection openWriter(Path file, Duration busyTimeout) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(Math.toIntExact(busyTimeout.toMillis()));
        return config.createConnection(url(file));
    }

    /** WAL, synchronous=NORMAL, a small cache, and no automatic checkpoints: the writer checkpoints between batches. */
    static void tuneWriter(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA cache_size=-" + WRITER_CACHE_KIB);
            s.execute("PRAGMA wal_autocheckpoint=0");
        }
    }

    /** Opens an existing file read-only: never creates the file, never writes to it. */
    static Connection openReader(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(Math.toIntExact(BUSY_TIMEOUT.toMillis()));
        return config.createConnection(url(file));
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    static int userVersion(Connection c) throws SQLException {
        return (int) queryLong(c, "PRAGMA user_version");
    }

    static boolean hasTable(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Rolls back the open transaction, if any, without throwing: used on paths that already report a failure. */
    static void rollbackQuietly(Connection c) {
        try {
            if (!c.isClosed()) {
                exec(c, "ROLLBACK");
            }
        } catch (SQLException ignored) {
            // no transaction was open, or the connection is gone; the original failure is reported
        }
    }

    /** Closes without throwing: used on paths that already report a failure. */
    static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // the failure that led here is the one worth reporting
        }
    }
}
