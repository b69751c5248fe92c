package okxstore.cli;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import okxstore.candle.InstrumentId;
import okxstore.store.Manifest;
import okxstore.store.ManifestEntry;
import okxstore.store.Snapshot;

/** {@code snapshot DIR [ID...]}: consistent copies of the databases plus MANIFEST.json, safe while a daemon writes. */
final class SnapshotCommand implements Command {
    @Override
    public String name() {
        return "snapshot";
    }

    @Override
    public String summary() {
        return "consistent copies of the databases plus MANIFEST.json";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store snapshot DIR [ID...]

            Copies each instrument's database (all, or those named) into DIR with SQLite's own
            means: each copy is one consistent state even while a daemon writes, and appears under
            its final name only once complete. Then writes DIR/MANIFEST.json: per file the
            instrument, bars, rows per bar, first and last bar, snapshot time, schema version and
            SHA-256. DIR must be new, empty, or an earlier snapshot (whose other files are kept).
            The copies need no -wal/-shm files, so they can be read from read-only media:
              okx-store --data-dir DIR verify        check the copies and their checksums
              okx-store --data-dir DIR query ID BAR  read them in place
              okx-store import DIR                   merge them into another data directory
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of(), Set.of());
        Path target = Path.of(args.required(0, "a DIR to write the snapshot to"));
        List<String> named = args.positional().subList(1, args.positional().size());
        List<InstrumentId> ids = named.stream().map(Series::id).toList();
        cli.logToStderr();
        Path dataDir = cli.existingDataDir();
        Manifest manifest = new Snapshot(dataDir, InstantSource.system()).take(target, ids, new Snapshot.Listener() {
            @Override
            public void starting(InstrumentId id, int index, int total) {
                if (cli.stderrTerminal) {
                    cli.err.print("\r\033[Ksnapshot " + (index + 1) + "/" + total + ": " + id.fileName());
                    cli.err.flush();
                }
            }
        });
        if (cli.stderrTerminal) {
            long bytes = manifest.files().stream().mapToLong(ManifestEntry::bytes).sum();
            cli.err.println(String.format(Locale.ROOT, "\r\033[Ksnapshot in %s: %d files, %.1f MB",
                target, manifest.files().size(), bytes / 1048576.0));
        }
        return 0;
    }
}
