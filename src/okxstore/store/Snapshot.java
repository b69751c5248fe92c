package okxstore.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * Consistent copies of a data directory's databases, safe while a daemon writes them: each file is
 * copied by SQLite ({@code VACUUM INTO}, one read transaction) under a temporary name, switched to
 * {@code journal_mode=DELETE} (readable from read-only media), synced and renamed; then
 * {@code MANIFEST.json} is written atomically. Source files are never touched by plain file I/O.
 * Used by one thread.
 */
public final class Snapshot {
    /** Told about each file; {@link #copied} runs between the copy and its rename. */
    public interface Listener {
        default void starting(InstrumentId id, int index, int total) {
        }

        default void copied(InstrumentId id, Path temp) throws IOException {
        }

        default void written(ManifestEntry entry) {
        }
    }

    private final DataDir source;
    private final InstantSource clock;

    public Snapshot(Path dataDir, InstantSource clock) {
        this.source = new DataDir(dataDir);
        this.clock = clock;
    }

    /**
     * Copies the databases of {@code ids} (every instrument when empty) into {@code target} and
     * writes its manifest; entries of an earlier snapshot there for other files are kept.
     */
    public Manifest take(Path target, List<InstrumentId> ids, Listener listener) throws IOException {
        List<InstrumentId> todo = ids.isEmpty() ? source.instruments() : List.copyOf(ids);
        if (todo.isEmpty()) {
            throw new StoreException("no databases in " + source.root() + " to snapshot");
        }
        for (InstrumentId id : todo) {
            if (!Files.isRegularFile(source.file(id))) {
                throw new StoreException("no database for " + id + " in " + source.root());
            }
        }
        prepare(target);
        List<String> names = todo.stream().map(InstrumentId::fileName).toList();
        Manifest old = previous(target);
        if (old != null && old.files().stream().anyMatch(e -> names.contains(e.file()))) {
            old = old.without(names); // a file replaced below is never listed with its old checksum
            old.write(target);
        }
        List<ManifestEntry> entries = new ArrayList<>();
        if (old != null) {
            for (ManifestEntry e : old.files()) {
                if (Files.isRegularFile(target.resolve(e.file()))) {
                    entries.add(e);
                }
            }
        }
        for (int i = 0; i < todo.size(); i++) {
            listener.starting(todo.get(i), i, todo.size());
            ManifestEntry entry = copy(todo.get(i), target, listener);
            entries.add(entry);
            listener.written(entry);
        }
        Manifest manifest = new Manifest(clock.millis(), entries);
        manifest.write(target);
        return manifest;
    }

    /** The manifest of an earlier snapshot in {@code target}; a damaged one is replaced as if there were none. */
    private static Manifest previous(Path target) {
        try {
            return Manifest.read(target).orElse(null);
        } catch (StoreException e) {
            return null;
        }
    }

    /** Creates the directory; refuses the data directory itself and a directory holding anything but a snapshot. */
    private void prepare(Path target) throws IOException {
        Files.createDirectories(target);
        if (Files.isDirectory(source.root()) && Files.isSameFile(target, source.root())) {
            throw new StoreException("the snapshot directory " + target + " is the data directory itself");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                boolean ours = name.endsWith(".db") || SnapshotFiles.isTemp(name)
                    || name.equals(Manifest.FILE_NAME) || name.equals(Manifest.FILE_NAME + ".tmp");
                if (!ours) {
                    throw new StoreException(target + " holds " + name
                        + ", which is not part of a snapshot: choose an empty or new directory");
                }
            }
        }
    }

    private ManifestEntry copy(InstrumentId id, Path target, Listener listener) throws IOException {
        Path temp = target.resolve(id.fileName() + SnapshotFiles.SNAPSHOT_TEMP);
        Path file = target.resolve(id.fileName());
        SnapshotFiles.deleteDatabase(temp); // left by a killed snapshot; VACUUM INTO needs a fresh file
        long snapshotAt;
        int version;
        List<ManifestEntry.Series> series = new ArrayList<>();
        try {
            try (Connection c = Database.openReader(source.file(id));
                 PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                snapshotAt = clock.millis();
                vacuum.setString(1, temp.toAbsolutePath().toString());
                vacuum.execute(); // one read transaction: a consistent state, whatever the daemon commits meanwhile
            }
            try (Connection c = Database.openWriter(temp, Database.BUSY_TIMEOUT)) {
                Database.exec(c, "PRAGMA journal_mode=DELETE"); // no -wal/-shm needed on read-only media
                version = Database.userVersion(c);
                for (Bar bar : ManifestEntry.tables(c)) {
                    series.add(ManifestEntry.summarize(c, bar));
                }
            }
            SnapshotFiles.sync(temp);
            listener.copied(id, temp);
            SnapshotFiles.replace(temp, file);
        } catch (SQLException e) {
            SnapshotFiles.deleteDatabase(temp);
            throw new StoreException(id.fileName() + ": snapshot failed: " + e.getMessage(), e);
        }
        // hashed only now that no connection of this process has the file open (PITFALLS: POSIX locks)
        return new ManifestEntry(id.fileName(), id, snapshotAt, version, Files.size(file), Manifest.sha256(file),
            series);
    }
}
