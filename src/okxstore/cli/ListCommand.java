package okxstore.cli;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import okxstore.candle.Bar;
import okxstore.config.InstrumentSettings;
import okxstore.config.Settings;

/** {@code list}: the configured instruments, their bars, mode and history, and whether data is on disk. */
final class ListCommand implements Command {
    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "list the configured instruments";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store list

            One line per configured instrument, tab separated: id, bars, live mode, days of history,
            enabled or disabled, and whether its database exists in the data directory.
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) {
        Args args = Args.parse(name(), argv, Set.of(), Set.of());
        args.maxPositional(0);
        Settings s = cli.settings();
        for (InstrumentSettings i : s.instruments()) {
            String bars = i.bars().stream().map(Bar::okxName).collect(Collectors.joining(","));
            String days = i.bars().stream().map(i::historyDays).distinct().map(String::valueOf)
                .collect(Collectors.joining(","));
            boolean data = Files.isRegularFile(s.dataDir().resolve(i.id().fileName()));
            cli.out.println(String.join("\t", i.id().value(), bars, i.mode(), days + "d",
                i.enabled() ? "enabled" : "disabled", data ? "data" : "no-data"));
        }
        return 0;
    }
}
