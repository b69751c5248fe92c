package okxstore.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import okxstore.store.CandleCursor;
import okxstore.store.StoreReader;

/** {@code export ID BAR FILE|-}: writes stored candles to a csv/tsv/jsonl/json file or stdout, streaming. */
final class ExportCommand implements Command {
    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "write candles to a csv or jsonl file (or - for stdout)";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store export ID BAR FILE|- [--days N | --from T [--to T]] [--format F] [--no-header] [--time iso|ms]

            Writes stored candles, oldest first, to FILE (written under a temporary name, then renamed)
            or to stdout with -. Every stored candle unless a range is given.
              --days N         the last N days
              --from T --to T  open times in [T, T] (a bare date as --to includes that day)
              --format F       csv, tsv, jsonl or json (default: from FILE's extension, else csv)
              --no-header      no header line
              --time iso|ms    ISO-8601 UTC (default) or epoch milliseconds
            Columns: inst_id, bar, ts, open, high, low, close, vol, vol_ccy, vol_ccy_quote, confirmed,
            source, updated_at. 'okx-store import FILE' reads such a file back exactly.
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("days", "from", "to", "format", "time"), Set.of("no-header"));
        Series series = Series.parse(args, 0);
        String target = args.required(2, "a FILE to write, or - for stdout");
        args.maxPositional(3);
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        if (args.option("days").isPresent()) {
            if (args.option("from").isPresent() || args.option("to").isPresent()) {
                throw CliException.usage("export takes --days or --from/--to, not both");
            }
            from = System.currentTimeMillis() - Duration.ofDays(args.intOption("days", 0)).toMillis();
        } else {
            from = args.option("from").map(t -> TimeArg.parse("from", t, false)).orElse(from);
            to = args.option("to").map(t -> TimeArg.parse("to", t, true)).orElse(to);
        }
        cli.logToStderr();
        try (StoreReader reader = Output.openReader(cli, series.id())) {
            if (target.equals("-")) {
                write(Output.format(cli, args, true, cli.out, null), reader, series, from, to);
                return 0;
            }
            Path file = Path.of(target).toAbsolutePath();
            Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
            try {
                long rows;
                boolean broken;
                try (PrintWriter pw = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(tmp), StandardCharsets.UTF_8), 65536))) {
                    CandleFormat format = Output.format(cli, args, true, pw, file);
                    rows = write(format, reader, series, from, to);
                    broken = format.broken();
                }
                if (broken) {
                    throw CliException.failure("cannot write " + file + " (disk full?)");
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                if (cli.stderrTerminal) {
                    cli.err.println(rows + " candles written to " + file);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return 0;
    }

    private static long write(CandleFormat format, StoreReader reader, Series series, long from, long to) {
        long rows = 0;
        format.begin();
        try (CandleCursor cursor = reader.range(series.id(), series.bar(), from, to)) {
            while (cursor.hasNext() && !format.broken()) {
                format.row(cursor.next());
                rows++;
            }
        }
        format.end();
        return rows;
    }
}
