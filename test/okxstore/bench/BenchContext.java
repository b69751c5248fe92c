package okxstore.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What every figure shares: the JDK of this process (for child JVMs), the built jar, a scratch
 * directory removed at the end, the repository root, and the 1M-row data directory of figures 1,
 * 6 and 7 (built once, by figure 1's writer run when it ran). One thread.
 */
final class BenchContext implements AutoCloseable {
    static final String INST = "BTC-USDT";

    private final Path work;
    private final String java;
    private final Path jar;
    private Path millionRows;

    BenchContext() throws IOException {
        this.work = Files.createTempDirectory("okx-bench");
        this.java = ProcessHandle.current().info().command()
            .orElseThrow(() -> new IllegalStateException("cannot tell this process's java command"));
        String j = System.getProperty("okxstore.jar");
        this.jar = j == null ? null : Path.of(j).toAbsolutePath();
    }

    /** The {@code java} executable running this benchmark. */
    String java() {
        return java;
    }

    /** The built okx-store.jar ({@code -Dokxstore.jar}), or null. */
    Path jar() {
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("figures 4, 6 and 7 need the built jar: run with -Dokxstore.jar=PATH"
                + " (make bench does)");
        }
        return jar;
    }

    /** A new empty directory under the scratch directory. */
    Path dir(String name) throws IOException {
        Path d = work.resolve(name);
        delete(d);
        return Files.createDirectories(d);
    }

    Path work() {
        return work;
    }

    /** The repository root: the working directory, which holds test/resources. */
    Path repo() {
        return Path.of("").toAbsolutePath();
    }

    /** A data directory holding BTC-USDT.db with 1,000,000 1m rows written by the CandleWriter. */
    Path millionRows() throws Exception {
        if (millionRows == null) {
            Path d = dir("million");
            Figure1Writer.writeWithWriter(d, Figure1Writer.candles(Figure1Writer.ROWS));
            millionRows = d;
        }
        return millionRows;
    }

    /** Figure 1 hands its writer's output over so that figures 6 and 7 need not write it again. */
    void offerMillionRows(Path dataDir) {
        if (millionRows == null) {
            millionRows = dataDir;
        }
    }

    static void log(String fmt, Object... args) {
        System.err.println("bench: " + String.format(Locale.ROOT, fmt, args));
    }

    static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    public void close() throws IOException {
        delete(work);
    }
}
