package okxstore.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okxstore.candle.InstrumentId;

/** A data directory: where an instrument's database file lives, and which instruments have one. Immutable. */
public record DataDir(Path root) {
    private static final String SUFFIX = ".db";

    public DataDir {
        Objects.requireNonNull(root, "root");
    }

    /** {@code <root>/<instId>.db}; the id was validated, so it cannot leave the directory. */
    public Path file(InstrumentId id) {
        return root.resolve(id.fileName());
    }

    /** Instruments with a database file, sorted; files whose name is not a valid id are ignored. Empty if there is no directory. */
    public List<InstrumentId> instruments() throws IOException {
        List<InstrumentId> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                InstrumentId id = idOrNull(name.substring(0, name.length() - SUFFIX.length()));
                if (id != null && Files.isRegularFile(f)) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        ids.sort(null);
        return ids;
    }

    private static InstrumentId idOrNull(String name) {
        try {
            return new InstrumentId(name); // strict: a lower-case file name is not an instrument's file
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
