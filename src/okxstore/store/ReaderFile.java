package okxstore.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One instrument file as a reader sees it: a read-only connection opened on first use (never
 * creating the file), guarded by a lock so that one thread at a time uses it. Thread-safe.
 */
final class ReaderFile implements AutoCloseable {
    /** Work on the connection; it runs under the file's lock. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path path;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<String> tables = new HashSet<>();
    private Connection conn;

    ReaderFile(Path path) {
        this.path = path;
    }

    /**
     * Runs {@code work}, or returns {@code ifAbsent} when the file does not exist or lacks
     * {@code table} (null: no table needed). Each statement is its own short read transaction.
     */
    <T> T read(String table, T ifAbsent, Work<T> work) throws StoreException {
        lock.lock();
        try {
            if (conn == null) {
                if (!Files.isRegularFile(path)) {
                    return ifAbsent;
                }
                conn = Database.openReader(path);
            }
            if (table != null && !tables.contains(table)) {
                if (!Database.hasTable(conn, table)) {
                    return ifAbsent; // not cached: the writer may create it later
                }
                tables.add(table);
            }
            return work.run(conn);
        } catch (SQLException e) {
            String hint = Files.isWritable(path.toAbsolutePath().getParent()) ? "" : " (a WAL database in a directory you cannot"
                + " write needs its -shm file; snapshots are written in journal_mode=DELETE for that)";
            throw new StoreException(path.getFileName() + ": " + e.getMessage() + hint, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            Database.closeQuietly(conn);
            conn = null;
            tables.clear();
        } finally {
            lock.unlock();
        }
    }
}
