package okxstore.cli;

import static okxstore.cli.SnapshotCommandTest.populate;
import static okxstore.cli.SnapshotCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import okxstore.cli.SnapshotCommandTest.Run;
import okxstore.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} on the command line: the report on stdout, one stderr line per problem, exit codes, --json. */
class VerifyCommandTest {
    @TempDir
    Path dir;

    @Test
    void aCleanStore_exits0_withTheReportOnStdoutOnly() throws Exception {
        Path data = dir.resolve("data");
        populate(data);
        Run r = run("--data-dir", data.toString(), "verify", "ETH-USDT");
        assertEquals("", r.err());
        assertEquals(0, r.code());
        assertEquals(List.of(
            "FILE                     SCHEMA  INTEGRITY  SHA256",
            "ETH-USDT.db                   1  ok         none",
            "INSTRUMENT       BAR          ROWS  FIRST                     LAST                        GAPS  CHECK",
            "ETH-USDT         1m              2  2024-01-01T00:00:00Z      2024-01-01T00:01:00Z           0  ok"),
            r.out().lines().toList());
    }

    @Test
    void problems_exit1_withOneLineEach_andJsonForScripts() throws Exception {
        Path data = dir.resolve("data");
        populate(data);
        Path snap = dir.resolve("snap");
        assertEquals(0, run("--data-dir", data.toString(), "snapshot", snap.toString(), "ETH-USDT").code());
        try (RandomAccessFile f = new RandomAccessFile(snap.resolve("ETH-USDT.db").toFile(), "rw")) {
            // unused space of the first page, between its cell pointers and its cells: only the checksum tells
            f.seek(1500);
            f.write(0x42);
        }
        Run r = run("verify", "--data-dir", snap.toString());
        assertEquals(1, r.code());
        assertEquals("okx-store: ETH-USDT.db: SHA-256 differs from MANIFEST.json: the file is damaged or was"
            + " changed after the snapshot\n", r.err());
        assertTrue(r.out().contains("ETH-USDT.db                   1  ok         mismatch"), r.out());

        Run json = run("verify", "--data-dir", snap.toString(), "--json");
        assertEquals(1, json.code());
        Map<?, ?> doc = (Map<?, ?>) Json.parse(json.out());
        assertEquals(false, doc.get("ok"));
        assertEquals(true, doc.get("manifest"));
        Map<?, ?> problem = (Map<?, ?>) ((List<?>) doc.get("problems")).get(0);
        assertEquals("checksum", problem.get("kind"));
        assertEquals("ETH-USDT.db", problem.get("file"));
        Map<?, ?> file = (Map<?, ?>) ((List<?>) doc.get("files")).get(0);
        assertEquals("mismatch", file.get("sha256"));
        Map<?, ?> bar = (Map<?, ?>) ((List<?>) file.get("bars")).get(0);
        assertEquals("1m", bar.get("bar"));
        assertEquals(2L, bar.get("rows"));
        assertEquals("2024-01-01T00:01:00Z", bar.get("last"));
    }

    @Test
    void usage_andMissingDirectories_areOneLineErrors() {
        assertEquals(new Run(1, "", "okx-store: no data directory at " + dir.resolve("nope") + " (run sync first, or pass --data-dir)\n"),
            run("verify", "--data-dir", dir.resolve("nope").toString()));
        assertEquals(new Run(2, "", "okx-store: unknown option '--fix' for verify (see okx-store verify --help)\n"),
            run("verify", "--fix"));
        Run empty = run("verify", "--data-dir", dir.toString());
        assertEquals(new Run(1, "", "okx-store: no database files in " + dir + "\n"), empty);
    }
}
