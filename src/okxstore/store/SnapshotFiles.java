package okxstore.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The durable file steps of snapshot, manifest and import: temporary names that never look like a
 * database, fsync, and atomic renames. A file only ever appears under its final name complete.
 * Call {@link #sync} only on files no JDBC connection of this process has open (PITFALLS: POSIX locks).
 */
final class SnapshotFiles {
    /** Suffix of a database copy being written by {@code snapshot}. */
    static final String SNAPSHOT_TEMP = ".snapshot-tmp";
    /** Suffix of a new database being built by {@code import}. */
    static final String IMPORT_TEMP = ".import-tmp";
    private static final String[] SQLITE_SIDE_FILES = {"", "-journal", "-wal", "-shm"};

    private SnapshotFiles() {
    }

    /** True for a temporary file of an interrupted (or running) snapshot or import, or one of its SQLite side files. */
    static boolean isTemp(String name) {
        for (String side : SQLITE_SIDE_FILES) {
            if (name.endsWith(".db" + SNAPSHOT_TEMP + side) || name.endsWith(".db" + IMPORT_TEMP + side)) {
                return true;
            }
        }
        return false;
    }

    /** Deletes a database file and its journal, WAL and shared-memory files, if present. */
    static void deleteDatabase(Path file) throws IOException {
        for (String side : SQLITE_SIDE_FILES) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + side));
        }
    }

    /** Flushes a file's content to the disk. */
    static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Flushes a directory entry change (a rename) to the disk; a no-op where directories cannot be opened. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform lets a directory be opened; the rename itself is still atomic
        }
    }

    /** Renames {@code temp} over {@code target} atomically (replacing it) and makes the rename durable. */
    static void replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * Gives {@code temp} the name {@code target} only if no file has that name (a hard link, which
     * never replaces), then removes the temporary name. False when {@code target} appeared meanwhile.
     */
    static boolean placeIfAbsent(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            Files.delete(temp);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            if (Files.exists(target)) {
                return false;
            }
            Files.move(temp, target); // no hard links here: a plain rename, which refuses an existing target
        }
        syncDirectory(target.toAbsolutePath().getParent());
        return true;
    }

    /** Writes {@code bytes} to {@code file} through a synced temporary file and an atomic rename. */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(temp, bytes);
            sync(temp);
            replace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
