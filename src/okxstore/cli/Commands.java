package okxstore.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every command of the command line, in the order --help lists them. */
final class Commands {
    static final List<Command> ALL = List.of(
        new DaemonCommand(),
        new SyncCommand(),
        new BackfillCommand(),
        new GapsCommand(),
        new QueryCommand(),
        new ExportCommand(),
        new StatsCommand(),
        new ListCommand(),
        new AddSymbolCommand(),
        new RemoveSymbolCommand(),
        new StatusCommand(),
        new WebSocketCommand(),
        new SnapshotCommand(),
        new ImportCommand(),
        new VerifyCommand());

    private Commands() {
    }

    static Optional<Command> find(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static String suggest(String name) {
        return ALL.stream()
            .min(Comparator.comparingInt(c -> distance(c.name(), name)))
            .filter(c -> distance(c.name(), name) <= 2)
            .map(c -> " (did you mean " + c.name() + "?)")
            .orElse("");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}
