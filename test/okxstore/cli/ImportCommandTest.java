package okxstore.cli;

import static okxstore.cli.SnapshotCommandTest.BTC;
import static okxstore.cli.SnapshotCommandTest.ETH;
import static okxstore.cli.SnapshotCommandTest.names;
import static okxstore.cli.SnapshotCommandTest.populate;
import static okxstore.cli.SnapshotCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.cli.SnapshotCommandTest.Run;
import okxstore.store.CandleCursor;
import okxstore.store.StoreReader;
import okxstore.store.StoredCandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} on the command line: export round trips, snapshots, bad rows, dry runs. */
class ImportCommandTest {
    @TempDir
    Path dir;

    static List<StoredCandle> all(Path data, InstrumentId id, Bar bar) {
        List<StoredCandle> rows = new ArrayList<>();
        try (StoreReader r = new StoreReader(data); CandleCursor c = r.range(id, bar, Long.MIN_VALUE, Long.MAX_VALUE)) {
            c.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void exportThenImport_roundTripsEveryFieldExactly_inEveryFormat() throws Exception {
        Path data = dir.resolve("data");
        populate(data);
        List<StoredCandle> source = all(data, BTC, Bar.M1);
        String[][] forms = {
            {"btc.csv"}, {"btc.tsv"}, {"btc.jsonl"}, {"btc.json"}, {"btc-ms.csv", "--time", "ms"},
            {"btc-ms.jsonl", "--time", "ms"}, {"btc-bare.csv", "--no-header"},
            {"btc-bare.tsv", "--no-header", "--time", "ms"},
        };
        for (String[] form : forms) {
            Path file = dir.resolve(form[0]);
            List<String> export = new ArrayList<>(List.of("--data-dir", data.toString(), "export", "BTC-USDT", "1m",
                file.toString()));
            export.addAll(List.of(form).subList(1, form.length));
            assertEquals(0, run(export.toArray(String[]::new)).code(), form[0]);
            Path target = dir.resolve("import-" + form[0]);
            Run imported = run("--data-dir", target.toString(), "import", file.toString());
            assertEquals(new Run(0, "BTC-USDT 1m: 120 added, 0 replaced, 0 unchanged\n", ""), imported, form[0]);
            assertEquals(source, all(target, BTC, Bar.M1), form[0]);
            assertEquals(new Run(0, "BTC-USDT 1m: 0 added, 0 replaced, 120 unchanged\n", ""),
                run("--data-dir", target.toString(), "import", file.toString()), "again: " + form[0]);
        }
    }

    @Test
    void importOfASnapshot_printsPerSeries_andEqualsTheSource() throws Exception {
        Path data = dir.resolve("data");
        populate(data);
        Path snap = dir.resolve("snap");
        assertEquals(0, run("--data-dir", data.toString(), "snapshot", snap.toString()).code());
        Path other = dir.resolve("other");
        assertEquals(new Run(0, "BTC-USDT 1m: would add 120, replace 0 (0 unchanged)\n"
                + "BTC-USDT 1H: would add 2, replace 0 (0 unchanged)\n"
                + "ETH-USDT 1m: would add 2, replace 0 (0 unchanged)\n", ""),
            run("--data-dir", other.toString(), "import", snap.toString(), "--dry-run"));
        assertFalse(Files.exists(other), "a dry run writes nothing, not even the data directory");
        assertEquals(new Run(0, "BTC-USDT 1m: 120 added, 0 replaced, 0 unchanged\n"
                + "BTC-USDT 1H: 2 added, 0 replaced, 0 unchanged\nETH-USDT 1m: 2 added, 0 replaced, 0 unchanged\n", ""),
            run("--data-dir", other.toString(), "import", snap.toString()));
        for (Bar bar : List.of(Bar.M1, Bar.H1)) {
            assertEquals(all(data, BTC, bar), all(other, BTC, bar));
        }
        assertEquals(all(data, ETH, Bar.M1), all(other, ETH, Bar.M1));
        assertFalse(names(other).contains("okx-store.lock"), "import takes no lock");
    }

    @Test
    void aBadRow_stopsTheFileWithOneLine_andCommitsNothing() throws Exception {
        Path data = dir.resolve("data");
        populate(data);
        Path file = dir.resolve("btc.csv");
        assertEquals(0, run("--data-dir", data.toString(), "export", "BTC-USDT", "1m", file.toString()).code());
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(100, lines.get(100).replaceFirst(",[^,]*,ws,", ",x,ws,").replaceFirst(",[^,]*,rest,", ",x,rest,"));
        Files.write(file, lines);
        Path target = dir.resolve("target");
        assertEquals(new Run(1, "", "okx-store: " + file + " line 101: confirmed 'x' is not 1, 0, true or false\n"),
            run("--data-dir", target.toString(), "import", file.toString()));
        assertEquals(List.of(), all(target, BTC, Bar.M1));
        assertFalse(names(target).contains("BTC-USDT.db"));
    }

    @Test
    void usageAndMissingSources_areOneLineErrors() throws Exception {
        Path data = dir.resolve("data");
        populate(data);
        assertEquals(new Run(2, "", "okx-store: import needs a SOURCE: a data directory, snapshot, .db file or"
            + " exported file (see okx-store import --help)\n"), run("--data-dir", data.toString(), "import"));
        assertEquals(new Run(2, "", "okx-store: --inst and --bar name the series of an exported file, not of a"
                + " directory or database\n"),
            run("--data-dir", dir.resolve("x").toString(), "import", data.toString(), "--inst", "BTC-USDT"));
        assertEquals(new Run(1, "", "okx-store: no such file or directory: " + dir.resolve("nope.csv") + "\n"),
            run("--data-dir", data.toString(), "import", dir.resolve("nope.csv").toString()));
        Run self = run("--data-dir", data.toString(), "import", data.toString());
        assertEquals(1, self.code());
        assertTrue(self.err().contains("is in the data directory itself"), self.err());
        Path query = dir.resolve("q.csv");
        Files.writeString(query, "ts,open,high,low,close,vol,vol_ccy,vol_ccy_quote,confirmed\n"
            + "2024-01-01T00:00:00Z,1,1,1,1,1,1,1,1\n");
        assertEquals(new Run(0, "SOL-USDT 1m: 1 added, 0 replaced, 0 unchanged\n", ""),
            run("--data-dir", data.toString(), "import", query.toString(), "--inst", "sol-usdt", "--bar", "1m"));
    }
}
