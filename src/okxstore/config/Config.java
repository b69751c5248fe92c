package okxstore.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * Raw configuration values in layers: command-line flag, then {@code OKX_STORE_*} environment, then
 * the properties file, then the built-in default of {@link Keys}. Immutable once loaded.
 */
public final class Config {
    /** The flags' source when none is named. */
    public static final String COMMAND_LINE = "the command line";

    private final Path file;
    private final Map<String, String> fileValues;
    /** The file's values under canonical keys (per-bar keys spelled with the bar's short name). */
    private final Map<String, String> fileCanonical = new LinkedHashMap<>();
    private final Map<String, String> env;
    private final Map<String, String> flags;
    /** The flags under canonical keys, as {@link #fileCanonical}. */
    private final Map<String, String> flagCanonical = new LinkedHashMap<>();
    /** What the flags are called in messages: the command line, or the embedding API's StoreConfig. */
    private final String flagSource;

    private Config(Path file, Map<String, String> fileValues, Map<String, String> env, Map<String, String> flags,
                   String flagSource) {
        this.file = file;
        this.fileValues = fileValues;
        this.env = env;
        this.flags = flags;
        this.flagSource = flagSource;
    }

    /**
     * Loads and validates a configuration. {@code file} may be null (built-in defaults); a named
     * file that does not exist is an error unless {@code mustExist} is false.
     */
    public static Config load(Path file, boolean mustExist, Map<String, String> env, Map<String, String> flags) {
        return load(file, mustExist, env, flags, COMMAND_LINE);
    }

    /** As {@link #load(Path, boolean, Map, Map)}, with the flags named {@code flagSource} in messages. */
    public static Config load(Path file, boolean mustExist, Map<String, String> env, Map<String, String> flags,
                              String flagSource) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file != null) {
            try {
                values = read(file);
            } catch (NoSuchFileException e) {
                if (mustExist) {
                    throw new ConfigException("config file " + file + " does not exist");
                }
            } catch (MalformedInputException e) {
                throw new ConfigException("cannot read config file " + file + ": it is not UTF-8 text", e);
            } catch (AccessDeniedException e) {
                throw new ConfigException("cannot read config file " + file + ": permission denied", e);
            } catch (IOException | IllegalArgumentException e) {
                String why = Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage());
                throw new ConfigException("cannot read config file " + file + ": " + why, e);
            }
        }
        // the file's keys stay sorted, so the first error reported is the same on every run
        Config config = new Config(file, Collections.unmodifiableMap(values), Map.copyOf(env), Map.copyOf(flags),
            flagSource);
        config.validate();
        return config;
    }

    /** The built-in defaults alone, with this environment. */
    public static Config defaults(Map<String, String> env) {
        return load(null, false, env, Map.of());
    }

    static Map<String, String> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> values = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> values.put(k.strip(), p.getProperty(k).strip()));
        return values;
    }

    /** The file this configuration was read from, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The resolved value of a concrete key, falling back to its built-in default. */
    public String get(String key) {
        return explicit(key).orElseGet(() -> Keys.lookup(key).map(Key::defaultValue).orElse(""));
    }

    /** The value of a key only when a flag, the environment or the file sets it. */
    public Optional<String> explicit(String key) {
        String v = flagCanonical.get(key);
        if (v == null) {
            v = env.get(Key.envName(key));
        }
        if (v == null) {
            v = fileCanonical.get(key);
        }
        return Optional.ofNullable(v).map(String::strip);
    }

    /** Where the value of a key comes from, for error messages: a flag, a variable, the file, or the default. */
    public String origin(String key) {
        if (flagCanonical.containsKey(key)) {
            return flagSource;
        }
        if (env.containsKey(Key.envName(key))) {
            return "environment variable " + Key.envName(key);
        }
        if (fileCanonical.containsKey(key)) {
            return file.toString();
        }
        return "the built-in defaults";
    }

    /** True when an environment variable sets this key, masking the file. */
    public boolean maskedByEnvironment(String key) {
        return env.containsKey(Key.envName(key));
    }

    /** Every key the file sets, spelled as in the file. */
    public Map<String, String> fileValues() {
        return fileValues;
    }

    public Map<String, String> env() {
        return env;
    }

    private void validate() {
        Map<String, String> spelledAs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : fileValues.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            Optional<Key> key = Keys.lookup(k);
            if (key.isEmpty()) {
                throw new ConfigException("unknown key '" + k + "' (value '" + v + "') in " + file + didYouMean(k));
            }
            String canonical = key.get().perInstrument() ? canonicalInstrumentKey(k, v, "in " + file) : k;
            String problem = valueProblem(key.get(), v);
            if (problem != null) {
                throw new ConfigException("bad value '" + v + "' for " + k + " in " + file + ": " + problem);
            }
            String earlier = spelledAs.put(canonical, k);
            if (earlier != null) {
                throw new ConfigException("key " + canonical + " is set twice in " + file + ", as " + earlier
                    + " ('" + fileValues.get(earlier) + "') and as " + k + " ('" + v + "'): keep one");
            }
            fileCanonical.put(canonical, v);
        }
        for (Map.Entry<String, String> e : flags.entrySet()) {
            String k = e.getKey();
            Key key = Keys.lookup(k).orElseThrow(() -> new ConfigException("unknown key '" + k + "' (value '"
                + e.getValue() + "') in " + flagSource + didYouMean(k)));
            flagCanonical.put(key.perInstrument() ? canonicalInstrumentKey(k, e.getValue(), "in " + flagSource) : k,
                e.getValue());
            check(key, k, e.getValue());
        }
        for (Key k : Keys.all()) {
            if (!k.perInstrument()) {
                String v = env.get(Key.envName(k.name()));
                if (v != null) {
                    check(k, k.name(), v);
                }
            }
        }
    }

    /**
     * Checks the instrument id (and bar) inside a per-instrument key of the file and returns the key
     * as it is looked up: ids in upper case, per-bar keys with the bar's short name ({@code 1d_utc}).
     */
    private String canonicalInstrumentKey(String k, String v, String in) {
        Keys.InstrumentKey parts = Keys.split(k).orElseThrow();
        String where = "bad key '" + k + "' (value '" + v + "') " + in + ": ";
        InstrumentId id;
        try {
            id = InstrumentId.parse(parts.id());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + e.getMessage());
        }
        String prefix = "instrument." + id.value() + ".";
        String suffix = k.substring(("instrument." + parts.id() + ".").length());
        if (!id.value().equals(parts.id())) {
            throw new ConfigException(where + "write the instrument id in upper case (" + prefix + suffix + ")");
        }
        if (parts.bar() == null) {
            return k;
        }
        try {
            return prefix + "history.days." + Bar.parse(parts.bar()).shortName();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + e.getMessage());
        }
    }

    /** Checks one concrete key's value against its type; instrument-level keys found via {@link #get} are checked by {@link Settings}. */
    void check(Key key, String concrete, String value) {
        String problem = valueProblem(key, value);
        if (problem != null) {
            throw bad(concrete, value, problem);
        }
    }

    /** What is wrong with a value of a key, or null; a key whose default is empty also takes an empty value. */
    private static String valueProblem(Key key, String value) {
        return value.isBlank() && key.defaultValue().isEmpty() ? null : key.type().check(value);
    }

    /** The one-line error for a bad value of a key, naming where it came from. */
    public ConfigException bad(String key, String value, String problem) {
        String where = !flagCanonical.containsKey(key) ? "in " + origin(key)
            : flagSource.equals(COMMAND_LINE) ? "on the command line" : "in " + flagSource;
        return new ConfigException("bad value '" + value + "' for " + key + " " + where + ": " + problem);
    }

    static String didYouMean(String unknown) {
        String generic = unknown;
        String id = Keys.instrumentOf(unknown);
        if (id != null) {
            generic = "instrument.<ID>." + unknown.substring(("instrument." + id + ".").length());
        }
        String target = generic;
        Optional<Key> best = Keys.all().stream()
            .min(Comparator.comparingInt(k -> Levenshtein.distance(k.name(), target)));
        if (best.isEmpty() || Levenshtein.distance(best.get().name(), target) > Math.max(3, target.length() / 3)) {
            return "";
        }
        String name = best.get().name();
        return " (did you mean " + (id != null && name.contains("<ID>") ? name.replace("<ID>", id) : name) + "?)";
    }
}
