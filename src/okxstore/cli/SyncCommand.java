package okxstore.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import okxstore.candle.InstrumentId;
import okxstore.config.InstrumentSettings;
import okxstore.config.Settings;
import okxstore.sync.StoreServices;
import okxstore.sync.SyncResult;

/** {@code sync [ID... | --all]}: one REST catch-up pass: history to history.days, up to now, gaps repaired. */
final class SyncCommand implements Command {
    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String summary() {
        return "one catch-up pass over REST: history, up to now, gaps repaired";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store sync [ID... | --all] [--recheck]

            Fetches over REST, for every bar of the named instruments (default: all configured and
            enabled), what the store lacks: history back to history.days, every bar up to now, and
            every interior gap. Ranges OKX has no bars for are recorded and not asked again.
            An instrument not in the configuration is synced with the default bars and history.
              --all        every configured instrument, even disabled ones
              --recheck    forget recorded holes and ask OKX again
            Refuses while a daemon owns the data directory.
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of(), Set.of("all", "recheck"));
        Settings settings = cli.settings();
        List<InstrumentSettings> targets = new ArrayList<>();
        if (args.positional().isEmpty()) {
            settings.instruments().stream().filter(i -> args.flag("all") || i.enabled()).forEach(targets::add);
        } else if (args.flag("all")) {
            throw CliException.usage("sync takes instrument ids or --all, not both");
        } else {
            for (String p : args.positional()) {
                InstrumentId id = Series.id(p);
                targets.add(settings.instrumentOrDefaults(id));
            }
        }
        cli.logToFile();
        try (StoreServices services = StoreServices.open(settings, "sync");
             Progress progress = new Progress(cli)) {
            List<SyncResult> results = services.sync().syncAll(targets, args.flag("recheck"), progress);
            return report(cli, results);
        }
    }

    static int report(Cli cli, List<SyncResult> results) {
        int failed = 0;
        String firstError = null;
        for (SyncResult r : results) {
            if (!r.ok()) {
                failed++;
                firstError = firstError == null ? r.error() : firstError;
            }
        }
        if (failed == 0) {
            return 0;
        }
        if (results.stream().map(SyncResult::error).distinct().count() == 1 || failed == 1) {
            throw CliException.failure(firstError);
        }
        throw CliException.failure(firstError + " (and " + (failed - 1) + " more series failed; see the log)");
    }
}
