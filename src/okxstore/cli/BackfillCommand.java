package okxstore.cli;

import java.util.List;
import java.util.Set;

import okxstore.sync.StoreServices;
import okxstore.sync.SyncResult;

/** {@code backfill ID BAR --from T [--to T]}: fetches a historical range over REST. */
final class BackfillCommand implements Command {
    @Override
    public String name() {
        return "backfill";
    }

    @Override
    public String summary() {
        return "fetch a historical range";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store backfill ID BAR --from T [--to T]

            Fetches over REST every bar of [--from, --to] (default --to: now) the store lacks,
            skipping stored bars and ranges OKX is known to have no bars for.
            Times: epoch ms, 2024-03-01, 2024-03-01T12:00:00Z. Refuses while a daemon owns the data directory.
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("from", "to"), Set.of());
        Series series = Series.parse(args, 0);
        args.maxPositional(2);
        long from = TimeArg.parse("from", args.option("from").orElseThrow(() ->
            CliException.usage("backfill needs --from (see okx-store backfill --help)")), false);
        long to = args.option("to").map(t -> TimeArg.parse("to", t, true)).orElse(Long.MAX_VALUE);
        if (to < from) {
            throw CliException.usage("--to is before --from");
        }
        cli.logToFile();
        try (StoreServices services = StoreServices.open(cli.settings(), "backfill");
             Progress progress = new Progress(cli)) {
            SyncResult r = services.sync().backfill(series.id(), series.bar(), from, to, progress);
            return SyncCommand.report(cli, List.of(r));
        }
    }
}
