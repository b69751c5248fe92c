package okxstore.cli;

import java.util.List;
import java.util.Set;

import okxstore.store.CandleCursor;
import okxstore.store.StoreReader;
import okxstore.store.StoredCandle;

/** {@code query ID BAR}: prints stored candles, oldest first; the newest 10 unless told otherwise. */
final class QueryCommand implements Command {
    @Override
    public String name() {
        return "query";
    }

    @Override
    public String summary() {
        return "print candles, oldest first";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store query ID BAR [--count N | --from T [--to T]] [--format F] [--no-header] [--time iso|ms]

            Prints stored candles of one instrument and bar, oldest first; the newest 10 by default.
              --count N        the newest N candles
              --from T --to T  candles whose open time is in [T, T] (a bare date as --to includes that day)
              --format F       table, csv, tsv, jsonl or json (table on a terminal, csv otherwise)
              --no-header      no header line (csv, tsv, table)
              --time iso|ms    ISO-8601 UTC (default) or epoch milliseconds
            Times: epoch ms, 2024-03-01, 2024-03-01T12:00:00Z (UTC unless an offset is given).
            Columns: ts, open, high, low, close, vol, vol_ccy, vol_ccy_quote, confirmed.
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("count", "from", "to", "format", "time"), Set.of("no-header"));
        Series series = Series.parse(args, 0);
        args.maxPositional(2);
        cli.logToStderr();
        CandleFormat format = Output.format(cli, args, false, cli.out, null);
        try (StoreReader reader = Output.openReader(cli, series.id())) {
            format.begin();
            if (args.option("from").isPresent() || args.option("to").isPresent()) {
                if (args.option("count").isPresent()) {
                    throw CliException.usage("query takes --count or --from/--to, not both");
                }
                long from = args.option("from").map(t -> TimeArg.parse("from", t, false)).orElse(Long.MIN_VALUE);
                long to = args.option("to").map(t -> TimeArg.parse("to", t, true)).orElse(Long.MAX_VALUE);
                try (CandleCursor cursor = reader.range(series.id(), series.bar(), from, to)) {
                    while (cursor.hasNext() && !format.broken()) {
                        format.row(cursor.next());
                    }
                }
            } else {
                for (StoredCandle c : reader.recent(series.id(), series.bar(), args.intOption("count", 10))) {
                    format.row(c);
                }
            }
            format.end();
        }
        return 0;
    }
}
