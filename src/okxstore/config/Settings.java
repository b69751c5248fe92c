package okxstore.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * The validated, typed view of a {@link Config}: where the data lives, which file holds the
 * configuration, the OKX endpoints, and each instrument's settings. Immutable.
 */
public final class Settings {
    /** The configuration file's name inside a data directory. */
    public static final String FILE_NAME = "okx-store.properties";

    private final Config config;
    private final Path dataDir;
    private final Path configFile;
    private final List<InstrumentSettings> instruments;

    private Settings(Config config, Path dataDir, Path configFile) {
        this.config = config;
        this.dataDir = dataDir;
        this.configFile = configFile;
        this.instruments = parseInstruments();
        for (Key k : Keys.all()) {
            if (!k.perInstrument() && k.type() != Key.Type.INSTRUMENTS) {
                config.check(k, k.name(), config.get(k.name()));
            }
        }
    }

    /**
     * Resolves the configuration as the command line does: the config file is {@code --config},
     * else {@code OKX_STORE_CONFIG}, else {@code <data-dir>/okx-store.properties} when present;
     * the data directory is {@code --data-dir}, else {@code OKX_STORE_HOME}/{@code OKX_STORE_DATA_DIR},
     * else {@code data.dir} of the file, else {@code ~/.okx-store}.
     */
    public static Settings resolve(Path configFlag, Path dataDirFlag, Map<String, String> env, Map<String, String> flags) {
        return resolve(configFlag, dataDirFlag, env, flags, Config.COMMAND_LINE);
    }

    /** As {@link #resolve(Path, Path, Map, Map)}, with the flags named {@code flagSource} in error messages. */
    public static Settings resolve(Path configFlag, Path dataDirFlag, Map<String, String> env, Map<String, String> flags,
                                   String flagSource) {
        Map<String, String> environment = new LinkedHashMap<>(env);
        if (environment.containsKey("OKX_STORE_HOME") && !environment.containsKey(Key.envName(Keys.DATA_DIR))) {
            environment.put(Key.envName(Keys.DATA_DIR), environment.get("OKX_STORE_HOME"));
        }
        Map<String, String> allFlags = new LinkedHashMap<>(flags);
        if (dataDirFlag != null) {
            allFlags.put(Keys.DATA_DIR, dataDirFlag.toString());
        }
        Path named = configFlag != null ? configFlag
            : Optional.ofNullable(env.get("OKX_STORE_CONFIG")).filter(s -> !s.isBlank()).map(Path::of).orElse(null);
        if (named != null) {
            if (configFlag == null && !Files.exists(named)) {
                throw new ConfigException("config file " + named + " named by OKX_STORE_CONFIG does not exist");
            }
            Config config = Config.load(named, true, environment, allFlags, flagSource);
            return new Settings(config, expandHome(config.get(Keys.DATA_DIR), env), named);
        }
        Config bare = Config.load(null, false, environment, allFlags, flagSource);
        Path dataDir = expandHome(bare.get(Keys.DATA_DIR), env);
        Path inDir = dataDir.resolve(FILE_NAME);
        Config config = Files.isRegularFile(inDir) ? Config.load(inDir, true, environment, allFlags, flagSource) : bare;
        return new Settings(config, dataDir, inDir);
    }

    static Path expandHome(String dir, Map<String, String> env) {
        if (dir.equals("~") || dir.startsWith("~/")) {
            String home = Optional.ofNullable(env.get("HOME")).filter(h -> !h.isBlank())
                .orElseGet(() -> System.getProperty("user.home", "."));
            return Path.of(home + dir.substring(1));
        }
        return Path.of(dir);
    }

    public Config config() {
        return config;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The file that add-symbol and remove-symbol edit (it may not exist yet). */
    public Path configFile() {
        return configFile;
    }

    /** Every configured instrument, enabled or not. */
    public List<InstrumentSettings> instruments() {
        return instruments;
    }

    public Optional<InstrumentSettings> instrument(InstrumentId id) {
        return instruments.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The instrument's settings, or what they would be if it were configured (its own keys, else defaults). */
    public InstrumentSettings instrumentOrDefaults(InstrumentId id) {
        return instrument(id).orElseGet(() -> {
            boolean ws = bool("ws.enabled");
            return instrumentSettings(id, ws ? config.get(Keys.REALTIME_MODE).strip() : "polling", ws);
        });
    }

    public String get(String key) {
        return config.get(key);
    }

    public int integer(String key) {
        return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(config.get(key).strip()));
    }

    public double decimal(String key) {
        return Double.parseDouble(config.get(key).strip());
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(config.get(key).strip());
    }

    public Duration seconds(String key) {
        return Duration.ofSeconds(integer(key));
    }

    public Duration millis(String key) {
        return Duration.ofMillis(integer(key));
    }

    public Level logLevel() {
        String v = config.get(Keys.LOG_LEVEL).strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "ERROR" -> Level.SEVERE;
            case "WARN" -> Level.WARNING;
            case "DEBUG" -> Level.FINE;
            case "TRACE" -> Level.FINEST;
            default -> Level.parse(v);
        };
    }

    public Path logFile() {
        String f = config.get(Keys.LOG_FILE);
        return f.isBlank() ? dataDir.resolve("okx-store.log") : expandHome(f, config.env());
    }

    public Endpoints endpoints() {
        return Endpoints.of(config);
    }

    private List<InstrumentSettings> parseInstruments() {
        String list = config.get(Keys.INSTRUMENTS);
        LinkedHashSet<InstrumentId> ids = new LinkedHashSet<>();
        for (String part : list.split(",", -1)) {
            if (part.isBlank() && list.isBlank()) {
                continue;
            }
            ids.add(parseId(Keys.INSTRUMENTS, list, part));
        }
        String globalMode = config.get(Keys.REALTIME_MODE).strip();
        boolean ws = bool("ws.enabled");
        List<InstrumentSettings> out = new ArrayList<>();
        for (InstrumentId id : ids) {
            out.add(instrumentSettings(id, ws ? globalMode : "polling", ws));
        }
        return List.copyOf(out);
    }

    private InstrumentId parseId(String key, String value, String part) {
        try {
            return InstrumentId.parse(part);
        } catch (IllegalArgumentException e) {
            throw config.bad(key, value, e.getMessage());
        }
    }

    private InstrumentSettings instrumentSettings(InstrumentId id, String globalMode, boolean ws) {
        String barsKey = Keys.TIMEFRAMES.replace("<ID>", id.value());
        List<Bar> bars = parseBars(barsKey, config.get(barsKey));
        String daysKey = Keys.HISTORY_DAYS.replace("<ID>", id.value());
        int days = intOf(daysKey);
        Map<Bar, Integer> history = new LinkedHashMap<>();
        for (Bar bar : bars) {
            // the file's per-bar keys are canonical (short bar names) in Config; so are the variables:
            // OKX_STORE_..._HISTORY_DAYS_1M is the minute, _1MO the month
            String perBar = daysKey + "." + bar.shortName();
            Optional<String> v = config.explicit(perBar).filter(s -> !s.isBlank());
            history.put(bar, v.isPresent() ? intOf(perBar, v.get()) : days);
        }
        String rtKey = Keys.REALTIME.replace("<ID>", id.value());
        String rt = checked(rtKey);
        String mode = !ws ? "polling" : rt.equals("auto") ? globalMode : rt;
        String intervalKey = Keys.SYNC_INTERVAL.replace("<ID>", id.value());
        int interval = Math.max(1, intOf(intervalKey));
        boolean enabled = Boolean.parseBoolean(checked(Keys.ENABLED.replace("<ID>", id.value())));
        return new InstrumentSettings(id, bars, history, mode, interval, enabled);
    }

    private List<Bar> parseBars(String key, String value) {
        LinkedHashSet<Bar> bars = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            try {
                bars.add(Bar.parse(part));
            } catch (IllegalArgumentException e) {
                throw config.bad(key, value, e.getMessage());
            }
        }
        return List.copyOf(bars);
    }

    private String checked(String key) {
        String v = config.get(key).strip();
        config.check(Keys.lookup(key).orElseThrow(), key, v);
        return v;
    }

    private int intOf(String key) {
        return intOf(key, checked(key));
    }

    private int intOf(String key, String value) {
        if (Key.Type.INT.check(value) != null) {
            throw config.bad(key, value, Key.Type.INT.check(value));
        }
        return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(value.strip()));
    }
}
