package okxstore.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments split into positionals and options. Options are {@code --name value},
 * {@code --name=value} or bare flags; anything after {@code --} is positional. Unknown options
 * are a usage error naming the command.
 */
final class Args {
    private final String command;
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    private Args(String command) {
        this.command = command;
    }

    static Args parse(String command, List<String> args, Set<String> withValue, Set<String> flags) {
        Args a = new Args(command);
        boolean rest = false;
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (rest || !s.startsWith("--") || s.equals("-")) {
                if (!rest && s.startsWith("-") && !s.equals("-") && !looksNegativeNumber(s)) {
                    throw CliException.usage("unknown option '" + s + "' for " + command + " (see okx-store " + command + " --help)");
                }
                a.positional.add(s);
                continue;
            }
            if (s.equals("--")) {
                rest = true;
                continue;
            }
            int eq = s.indexOf('=');
            String name = eq < 0 ? s.substring(2) : s.substring(2, eq);
            if (withValue.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = s.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw CliException.usage("option --" + name + " of " + command + " needs a value");
                }
                a.options.put(name, value);
            } else if (flags.contains(name) && eq < 0) {
                a.options.put(name, "true");
            } else if (flags.contains(name)) {
                throw CliException.usage("option --" + name + " of " + command + " takes no value");
            } else {
                throw CliException.usage("unknown option '--" + name + "' for " + command + " (see okx-store " + command + " --help)");
            }
        }
        return a;
    }

    private static boolean looksNegativeNumber(String s) {
        return s.length() > 1 && Character.isDigit(s.charAt(1));
    }

    List<String> positional() {
        return positional;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** Positional argument {@code i}, or a usage error naming what is missing. */
    String required(int i, String what) {
        if (positional.size() <= i) {
            throw CliException.usage(command + " needs " + what + " (see okx-store " + command + " --help)");
        }
        return positional.get(i);
    }

    void maxPositional(int n) {
        if (positional.size() > n) {
            throw CliException.usage("unexpected argument '" + positional.get(n) + "' for " + command
                + " (see okx-store " + command + " --help)");
        }
    }

    int intOption(String name, int dflt) {
        String v = options.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw CliException.usage("--" + name + " needs a whole number, got '" + v + "'");
        }
    }
}
