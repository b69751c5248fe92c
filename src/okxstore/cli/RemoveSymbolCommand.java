package okxstore.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import okxstore.candle.InstrumentId;
import okxstore.config.ConfigFileEditor;
import okxstore.config.Keys;
import okxstore.config.Settings;
import okxstore.sync.DataDirLock;

/** {@code remove-symbol ID [--purge]}: drops an instrument from the config file, and with --purge its data. */
final class RemoveSymbolCommand implements Command {
    @Override
    public String name() {
        return "remove-symbol";
    }

    @Override
    public String summary() {
        return "remove an instrument from the configuration (--purge deletes its data)";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store remove-symbol ID [--purge]

            Removes ID and its instrument.ID.* keys from the config file the store uses; its data stays
            on disk unless --purge deletes its database. A running daemon stops syncing it without a
            restart; --purge refuses while a daemon owns the data directory.
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of(), Set.of("purge"));
        InstrumentId id = Series.id(args.required(0, "an instrument id such as BTC-USDT"));
        args.maxPositional(1);
        Settings settings = cli.settings();
        boolean configured = settings.instrument(id).isPresent();
        Path db = settings.dataDir().resolve(id.fileName());
        if (!configured && !(args.flag("purge") && Files.exists(db))) {
            throw CliException.failure(id + " is not configured (see okx-store list)");
        }
        if (configured) {
            Set<String> ids = settings.instruments().stream().map(i -> i.id().value())
                .filter(v -> !v.equals(id.value())).collect(Collectors.toCollection(LinkedHashSet::new));
            String prefix = "instrument." + id.value() + ".";
            Set<String> remove = settings.config().fileValues().keySet().stream()
                .filter(k -> k.startsWith(prefix)).collect(Collectors.toSet());
            ConfigFileEditor.edit(settings.configFile(), Map.of(Keys.INSTRUMENTS, String.join(",", ids)), remove);
            AddSymbolCommand.warnMasked(cli, settings, Set.of(Keys.INSTRUMENTS));
            cli.out.println("removed " + id + " from " + settings.configFile());
        }
        if (args.flag("purge")) {
            try (DataDirLock lock = DataDirLock.acquire(settings.dataDir(), "remove-symbol")) {
                assert lock != null;
                for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                    Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
                }
            } catch (DataDirLock.LockedException e) {
                throw CliException.failure(e.getMessage());
            }
            cli.out.println("deleted " + db);
        }
        return 0;
    }
}
