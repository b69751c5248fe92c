package okxstore.cli;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import okxstore.candle.Bar;
import okxstore.candle.Exchange;
import okxstore.candle.Instrument;
import okxstore.candle.InstrumentId;
import okxstore.config.ConfigFileEditor;
import okxstore.config.InstrumentSettings;
import okxstore.config.Key;
import okxstore.config.Keys;
import okxstore.config.Settings;
import okxstore.sync.OkxWiring;

/** {@code add-symbol ID}: checks the id on OKX and adds it to the config file the store uses. */
final class AddSymbolCommand implements Command {
    @Override
    public String name() {
        return "add-symbol";
    }

    @Override
    public String summary() {
        return "add an instrument to the configuration (checked on OKX)";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store add-symbol ID [--timeframes BARS]

            Checks ID against OKX's instrument list and adds it to the config file the store uses
            (--config, else $OKX_STORE_CONFIG, else DATA-DIR/okx-store.properties, created if needed).
            A running daemon picks the change up without a restart.
              --timeframes BARS   comma-separated bars for it (default: the instrument.<ID>.timeframes default)
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("timeframes"), Set.of());
        InstrumentId id = Series.id(args.required(0, "an instrument id such as BTC-USDT"));
        args.maxPositional(1);
        String bars = null;
        if (args.option("timeframes").isPresent()) {
            Set<Bar> parsed = new LinkedHashSet<>();
            for (String b : args.option("timeframes").get().split(",")) {
                parsed.add(Series.bar(b));
            }
            bars = parsed.stream().map(Bar::okxName).collect(Collectors.joining(","));
        }
        Settings settings = cli.settings();
        cli.logToStderr();
        try (Exchange okx = OkxWiring.rest(settings)) {
            Instrument found = okx.instrument(id).orElseThrow(() ->
                CliException.failure("instrument " + id + " does not exist on OKX"));
            if (!found.isLive()) {
                cli.err.println("okx-store: note: " + id + " is " + found.state() + " on OKX");
            }
        }
        Set<String> ids = settings.instruments().stream().map(i -> i.id().value())
            .collect(Collectors.toCollection(LinkedHashSet::new));
        ids.add(id.value());
        Map<String, String> set = new LinkedHashMap<>();
        set.put(Keys.INSTRUMENTS, String.join(",", ids));
        String barsKey = Keys.TIMEFRAMES.replace("<ID>", id.value());
        if (bars != null) {
            set.put(barsKey, bars);
        }
        ConfigFileEditor.edit(settings.configFile(), set, Set.of());
        warnMasked(cli, settings, set.keySet());
        cli.reloadSettings();
        InstrumentSettings now = cli.settings().instrumentOrDefaults(id);
        cli.out.println("added " + id + " (" + now.bars().stream().map(Bar::okxName).collect(Collectors.joining(","))
            + ") to " + settings.configFile());
        return 0;
    }

    /** Says so when an environment variable overrides what was just written to the file. */
    static void warnMasked(Cli cli, Settings settings, Set<String> keys) {
        for (String k : keys) {
            if (settings.config().maskedByEnvironment(k)) {
                cli.err.println("okx-store: note: " + Key.envName(k) + " is set and overrides " + k + " in "
                    + settings.configFile());
            }
        }
    }
}
