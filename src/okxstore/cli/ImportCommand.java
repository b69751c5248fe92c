package okxstore.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.store.Import;
import okxstore.store.ImportListener;
import okxstore.store.ImportOptions;
import okxstore.store.ImportReport;

/** {@code import SOURCE [--dry-run]}: merges a data directory, snapshot, database or exported file, confirmed-wins. */
final class ImportCommand implements Command {
    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "merge a data directory, snapshot, or exported file";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store import SOURCE [--dry-run] [--inst ID --bar BAR]

            Merges candles into the data directory by the rule live data follows: a newer
            observation (updated_at) replaces a row, a confirmed bar is never replaced by an
            unconfirmed one, an equal updated_at changes nothing, so an import run twice changes
            nothing the second time. SOURCE is
              a data directory or snapshot  every instrument and bar there, with its recorded holes
                                            and sync state; a snapshot's MANIFEST.json checksums
                                            are checked first and a damaged file is refused
              a .db file                    one instrument's database
              a file written by export      csv, tsv, jsonl or json; its inst_id and bar columns
                                            name the series, or --inst and --bar do
            Each source file is checked whole before anything of it is written: a bad row stops
            that file (okx-store: FILE line N: ...) and nothing of it is written. Works beside a
            running daemon (short transactions, no lock); a killed import, run again, completes.
              --dry-run   print what would be added or replaced, and write nothing
              --inst ID   the instrument of a file that has no inst_id column
              --bar BAR   the bar of a file that has no bar column
            Prints per instrument and bar the rows added, replaced and unchanged.
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("inst", "bar"), Set.of("dry-run"));
        Path source = Path.of(args.required(0, "a SOURCE: a data directory, snapshot, .db file or exported file"));
        args.maxPositional(1);
        Optional<InstrumentId> inst = args.option("inst").map(Series::id);
        Optional<Bar> bar = args.option("bar").map(Series::bar);
        if (!Files.exists(source)) {
            throw CliException.failure("no such file or directory: " + source);
        }
        boolean database = Files.isDirectory(source) || source.getFileName().toString().endsWith(".db");
        if (database && (inst.isPresent() || bar.isPresent())) {
            throw CliException.usage("--inst and --bar name the series of an exported file, not of a directory"
                + " or database");
        }
        boolean dryRun = args.flag("dry-run");
        Path dataDir = cli.settings().dataDir();
        if (dryRun) {
            cli.logToStderr();
        } else {
            cli.logToFile();
        }
        ImportOptions options = ImportOptions.defaults().withDryRun(dryRun).withSeries(inst, bar);
        ImportReport report;
        try (Meter meter = new Meter(cli)) {
            report = new Import(dataDir, options, InstantSource.system(), meter).run(source);
        }
        for (ImportReport.Series s : report.series()) {
            cli.out.println(dryRun
                ? String.format(Locale.ROOT, "%s %s: would add %d, replace %d (%d unchanged)", s.id(), s.bar(),
                    s.added(), s.replaced(), s.unchanged())
                : String.format(Locale.ROOT, "%s %s: %d added, %d replaced, %d unchanged", s.id(), s.bar(),
                    s.added(), s.replaced(), s.unchanged()));
        }
        cli.out.flush();
        for (String failure : report.failures()) {
            cli.err.println("okx-store: " + failure);
        }
        return report.ok() ? 0 : 1;
    }

    /** Progress on stderr when it is a terminal (a few redraws a second), and warnings always. */
    private static final class Meter implements ImportListener, AutoCloseable {
        private final Cli cli;
        private long lastDraw;
        private boolean drawn;

        Meter(Cli cli) {
            this.cli = cli;
        }

        @Override
        public void committed(InstrumentId id, Bar bar, long rows) {
            long now = System.nanoTime();
            if (!cli.stderrTerminal || now - lastDraw < 200_000_000L) {
                return;
            }
            lastDraw = now;
            drawn = true;
            cli.err.print(String.format(Locale.ROOT, "\r\033[Kimporting %s %s: %,d rows", id, bar, rows));
            cli.err.flush();
        }

        @Override
        public void warning(String message) {
            close();
            cli.err.println("okx-store: warning: " + message);
        }

        @Override
        public void close() {
            if (drawn) {
                cli.err.print("\r\033[K");
                cli.err.flush();
                drawn = false;
            }
        }
    }
}
