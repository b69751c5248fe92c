package okxstore.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import okxstore.store.Gap;
import okxstore.store.Hole;
import okxstore.store.StoreReader;
import okxstore.sync.StoreServices;
import okxstore.sync.SyncResult;

/** {@code gaps ID BAR [--fill] [--recheck]}: lists missing ranges, and repairs them over REST. */
final class GapsCommand implements Command {
    @Override
    public String name() {
        return "gaps";
    }

    @Override
    public String summary() {
        return "list missing ranges, and repair them with --fill";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store gaps ID BAR [--fill] [--recheck]

            Lists the ranges between the first and last stored bar that are missing, one per line,
            tab separated: first bar, last bar, number of bars, and status: 'missing' (never fetched)
            or the reason OKX had no bars there (no-data, before-listing, beyond-retention).
              --fill      fetch the missing ranges over REST, then list what is left
              --recheck   forget the recorded holes and ask OKX again (implies --fill)
            Exit 0 when nothing is missing, 1 when missing ranges remain.
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of(), Set.of("fill", "recheck"));
        Series series = Series.parse(args, 0);
        args.maxPositional(2);
        if (args.flag("fill") || args.flag("recheck")) {
            cli.logToFile();
            try (StoreServices services = StoreServices.open(cli.settings(), "gaps --fill");
                 Progress progress = new Progress(cli)) {
                SyncResult r = services.sync().fillGaps(series.id(), series.bar(), args.flag("recheck"), progress);
                SyncCommand.report(cli, List.of(r));
            }
        } else {
            cli.logToStderr();
        }
        try (StoreReader reader = Output.openReader(cli, series.id())) {
            List<String[]> rows = new ArrayList<>();
            long open = 0;
            for (Gap g : reader.openGaps(series.id(), series.bar())) {
                rows.add(new String[] {Long.toString(g.from()), IsoTime.format(g.from()), IsoTime.format(g.to()),
                    Long.toString(g.bars()), "missing"});
                open++;
            }
            for (Hole h : reader.holes(series.id(), series.bar())) {
                rows.add(new String[] {Long.toString(h.from()), IsoTime.format(h.from()), IsoTime.format(h.to()),
                    Long.toString(series.bar().countBetween(h.from(), h.to())), h.reason()});
            }
            rows.sort(Comparator.comparingLong(r -> Long.parseLong(r[0])));
            for (String[] r : rows) {
                cli.out.println(String.join("\t", r[1], r[2], r[3], r[4]));
            }
            return open == 0 ? 0 : 1;
        }
    }
}
