package okxstore.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import okxstore.candle.Decimals;
import okxstore.store.CandleCursor;
import okxstore.store.ReturnStats;
import okxstore.store.StoreReader;

/** {@code stats ID BAR [--window N]}: returns, volatility and coverage of a stored series. */
final class StatsCommand implements Command {
    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String summary() {
        return "returns, volatility and coverage";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store stats ID BAR [--window N] [--from T] [--to T]

            Prints, one 'name<TAB>value' line each: rows, first and last bar, coverage (stored bars
            of those the grid has from first to last), simple and log return (first open to last
            close), mean log return per bar, volatility (stdev of close-to-close log returns per bar,
            and annualised), and the rolling volatility of the last N returns.
              --window N   rolling window in bars (default 30)
              --from T --to T   only candles in this range
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("window", "from", "to"), Set.of());
        Series series = Series.parse(args, 0);
        args.maxPositional(2);
        int window = args.intOption("window", 30);
        long from = args.option("from").map(t -> TimeArg.parse("from", t, false)).orElse(Long.MIN_VALUE);
        long to = args.option("to").map(t -> TimeArg.parse("to", t, true)).orElse(Long.MAX_VALUE);
        cli.logToStderr();
        ReturnStats s;
        try (StoreReader reader = Output.openReader(cli, series.id());
             CandleCursor cursor = reader.range(series.id(), series.bar(), from, to)) {
            s = ReturnStats.of(series.bar(), cursor, window);
        }
        if (s.rows() == 0) {
            throw CliException.failure("no " + series + " candles stored in that range");
        }
        line(cli, "instrument", series.id().value());
        line(cli, "bar", series.bar().okxName());
        line(cli, "rows", Long.toString(s.rows()));
        line(cli, "first", IsoTime.format(s.first()));
        line(cli, "last", IsoTime.format(s.last()));
        line(cli, "expected_bars", Long.toString(s.expected()));
        line(cli, "coverage", pct(s.coverage()));
        line(cli, "simple_return", pct(s.simpleReturn()));
        line(cli, "log_return", num(s.logReturn()));
        line(cli, "mean_log_return", num(s.meanLogReturn()));
        line(cli, "volatility", num(s.volatility()));
        line(cli, "volatility_annualized", num(s.volatility() * s.annualFactor()));
        line(cli, "rolling_volatility_" + window, s.rollingVolatility().isPresent()
            ? num(s.rollingVolatility().getAsDouble()) : "n/a");
        return 0;
    }

    private static void line(Cli cli, String name, String value) {
        cli.out.println(name + "\t" + value);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f%%", v * 100);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : Decimals.format(Double.parseDouble(String.format(Locale.ROOT, "%.8g", v)));
    }
}
