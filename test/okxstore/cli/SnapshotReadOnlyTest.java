package okxstore.cli;

import static okxstore.cli.SnapshotCommandTest.populate;
import static okxstore.cli.SnapshotCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import okxstore.cli.SnapshotCommandTest.Run;
import okxstore.store.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading commands on a snapshot the user cannot write: no lock file, no log file, no journal,
 * no schema change, no error about them. Tests run as root, whom chmod does not stop, so the test
 * checks that no file appeared and none changed (content and modification time).
 */
class SnapshotReadOnlyTest {
    @TempDir
    Path dir;

    /** Every file of the directory: its SHA-256, size and modification time. */
    private static Map<String, String> state(Path snap) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(snap)) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Manifest.sha256(f) + " " + Files.size(f) + " "
                    + Files.getLastModifiedTime(f).toMillis());
            }
        }
        return files;
    }

    @Test
    void readingCommands_onAReadOnlySnapshot_work_andChangeNothing() throws Exception {
        Path data = dir.resolve("data");
        populate(data);
        Path snap = dir.resolve("snap");
        assertEquals(0, run("--data-dir", data.toString(), "snapshot", snap.toString()).code());
        Map<String, String> before = state(snap);
        try (Stream<Path> list = Files.list(snap)) {
            for (Path f : list.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
            }
        }
        Files.setPosixFilePermissions(snap, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            String d = snap.toString();
            String[][] commands = {
                {"--data-dir", d, "query", "BTC-USDT", "1m", "--count", "5"},
                {"--data-dir", d, "query", "BTC-USDT", "1H", "--format", "jsonl", "--time", "ms"},
                {"--data-dir", d, "export", "BTC-USDT", "1m", "-", "--format", "jsonl"},
                {"--data-dir", d, "stats", "BTC-USDT", "1m"},
                {"--data-dir", d, "status"},
                {"--data-dir", d, "status", "--json"},
                {"--data-dir", d, "verify", "ETH-USDT"},
                {"verify", "--data-dir", d, "--json", "ETH-USDT"},
            };
            for (String[] command : commands) {
                Run r = run(command);
                String what = String.join(" ", command);
                assertEquals("", r.err(), what);
                assertEquals(0, r.code(), what);
                assertTrue(!r.out().isEmpty(), what);
                assertEquals(before, state(snap), "after " + what);
            }
            for (String[] query : new String[][] {{"query", "BTC-USDT", "1m", "--count", "200", "--time", "ms"},
                {"export", "BTC-USDT", "1H", "-"}}) {
                List<String> args = List.of(query);
                assertEquals(run(concat("--data-dir", data.toString(), args)), run(concat("--data-dir", d, args)),
                    "the snapshot answers as the source did");
            }
        } finally {
            Files.setPosixFilePermissions(snap, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(before, state(snap));
    }

    private static String[] concat(String flag, String value, List<String> args) {
        return Stream.concat(Stream.of(flag, value), args.stream()).toArray(String[]::new);
    }
}
