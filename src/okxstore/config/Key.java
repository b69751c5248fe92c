package okxstore.config;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import okxstore.candle.Bar;
import okxstore.candle.Decimals;
import okxstore.candle.InstrumentId;

/**
 * One configuration key: its name (with {@code <ID>} or {@code <BAR>} placeholders for per-instrument
 * keys), its built-in default, the kind of value it takes and a one-line meaning. The catalog is
 * {@link Keys}; {@code config-example.properties} documents the same keys.
 */
public record Key(String name, String defaultValue, Type type, String meaning) {

    /** The kinds of value a key takes, each with its own validation. */
    public enum Type {
        TEXT, URL, BOOLEAN, INT, DECIMAL, MODE, REALTIME, LEVEL, INSTRUMENTS, BARS, HOSTPORT, REGION;

        /** Null when {@code value} is acceptable, else what was expected. */
        String check(String value) {
            String v = value.strip();
            return switch (this) {
                case TEXT -> null;
                case URL -> v.matches("(?i)(https?|wss?)://[^\\s/]+(/\\S*)?") ? null : "expected a URL like https://host";
                case BOOLEAN -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? null : "expected true or false";
                case INT -> isInt(v) ? null : "expected a whole number of 0 or more";
                case DECIMAL -> isDecimal(v) ? null : "expected a number";
                case MODE -> oneOf(v, List.of("websocket", "polling", "hybrid"));
                case REALTIME -> oneOf(v, List.of("websocket", "polling", "auto"));
                case LEVEL -> oneOf(v.toUpperCase(Locale.ROOT),
                    List.of("OFF", "SEVERE", "WARNING", "INFO", "CONFIG", "FINE", "FINER", "FINEST", "ALL",
                        "ERROR", "WARN", "DEBUG", "TRACE"));
                case INSTRUMENTS -> v.isEmpty() ? null : firstProblem(v, InstrumentId::parse);
                case BARS -> firstProblem(v, Bar::parse);
                case HOSTPORT -> v.isEmpty() || v.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}") ? null : "expected host:port";
                case REGION -> oneOf(v, List.of("global", "eea", "us"));
            };
        }

        /** The message of the first comma-separated part that {@code parser} rejects, or null. */
        private static String firstProblem(String list, Consumer<String> parser) {
            for (String part : list.split(",", -1)) {
                try {
                    parser.accept(part);
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            }
            return null;
        }

        private static String oneOf(String v, List<String> allowed) {
            return allowed.contains(v) ? null : "expected one of " + String.join(", ", allowed);
        }

        private static boolean isInt(String v) {
            try {
                return !v.isEmpty() && Long.parseLong(v) >= 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static boolean isDecimal(String v) {
            try {
                double d = Decimals.parse(v);
                return Double.isFinite(d) && d >= 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /** True for a per-instrument key such as {@code instrument.<ID>.timeframes}. */
    public boolean perInstrument() {
        return name.startsWith("instrument.<ID>.");
    }

    /** The concrete key for one instrument (and bar, for the per-bar override). */
    public String forInstrument(String id) {
        return name.replace("<ID>", id);
    }

    /**
     * The environment variable that sets a concrete key: {@code OKX_STORE_} and the key upper-cased
     * with dots and dashes as underscores ({@code OKX_STORE_INSTRUMENT_BTC_USDT_TIMEFRAMES}).
     */
    public static String envName(String concreteKey) {
        return "OKX_STORE_" + concreteKey.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
