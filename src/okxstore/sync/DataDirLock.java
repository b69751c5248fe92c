package okxstore.sync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one-writer-per-data-directory lock: an OS file lock on {@code okx-store.lock}, whose content
 * names the holder's pid and role so that a second process can say who holds it. Released by
 * {@link #close()} or by the process dying (the OS drops the lock), never left stale.
 */
public final class DataDirLock implements AutoCloseable {
    public static final String FILE_NAME = "okx-store.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock for {@code role} ("daemon", "sync", ...), or throws naming who holds it. */
    public static DataDirLock acquire(Path dataDir, String role) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = holder(ch);
            ch.close();
            throw new LockedException(dataDir, holder);
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + role + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        return new DataDirLock(ch, lock);
    }

    /** The holder's "pid role" as written in the lock file, or null when none holds it. */
    public static String holder(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isWritable(file)) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = ch.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException e) {
                return holder(ch);
            }
            if (probe != null) {
                probe.release();
                return null;
            }
            return holder(ch);
        } catch (IOException e) {
            return null;
        }
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(256);
        ch.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** The directory is locked by another process (or another store in this one). */
    public static final class LockedException extends IOException {
        private static final long serialVersionUID = 1L;

        LockedException(Path dir, String holder) {
            super("data directory " + dir + " is in use by okx-store " + describe(holder)
                + "; stop it first (symbol changes go through the config file it watches)");
        }

        private static String describe(String holder) {
            String[] parts = holder.split(" ", 2);
            return parts.length == 2 ? parts[1] + " (pid " + parts[0] + ")" : "(pid " + holder + ")";
        }
    }
}
