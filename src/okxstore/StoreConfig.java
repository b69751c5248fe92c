package okxstore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.config.ConfigException;
import okxstore.config.InstrumentSettings;
import okxstore.config.Settings;

/**
 * The validated configuration of an {@link OkxStore}: the same keys as the properties file
 * ({@code config-example.properties} documents each), checked the same way, resolved once.
 * Build one with {@link #builder()}. Immutable and thread-safe.
 *
 * <p>Precedence: values set on the builder, then (only when {@link Builder#environment} is given)
 * {@code OKX_STORE_*} environment variables, then the properties file ({@link Builder#configFile},
 * else {@code <data-dir>/okx-store.properties} when present), then the built-in defaults.
 * {@code log.level} and {@code log.file} are accepted but not applied: the library never changes
 * {@code java.util.logging}; its loggers are named {@code okxstore.*}.
 */
public final class StoreConfig {
    private final Settings settings;

    private StoreConfig(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts a configuration.
     *
     * @return a builder with nothing set: building it right away gives the built-in defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The data directory: one SQLite file per instrument, the lock file.
     *
     * @return the resolved data directory
     */
    public Path dataDir() {
        return settings.dataDir();
    }

    /**
     * The instruments {@link OkxStore#start()} keeps in sync.
     *
     * @return the enabled instruments, in configuration order
     */
    public List<InstrumentId> instruments() {
        return settings.instruments().stream().filter(InstrumentSettings::enabled).map(InstrumentSettings::id).toList();
    }

    /**
     * The bars of an instrument, as {@link OkxStore#syncNow} syncs them.
     *
     * @param id the instrument
     * @return its configured bars, or the default bars when it is not configured
     */
    public List<Bar> bars(InstrumentId id) {
        return settings.instrumentOrDefaults(Objects.requireNonNull(id, "id")).bars();
    }

    /**
     * The resolved value of a key, as the properties file spells keys
     * ({@code okx.rest.url}, {@code instrument.BTC-USDT.timeframes}).
     *
     * @param key a key of the properties file
     * @return its value, or its default when not set
     * @throws IllegalArgumentException when the key is unknown
     */
    public String get(String key) {
        if (okxstore.config.Keys.lookup(Objects.requireNonNull(key, "key")).isEmpty()) {
            throw new IllegalArgumentException("unknown key '" + key + "'");
        }
        return settings.get(key);
    }

    /** The internal settings this configuration resolved to. */
    Settings settings() {
        return settings;
    }

    /** Resolves and validates {@code dataDir}'s own configuration, as {@link OkxStore#open(Path)} does. */
    static StoreConfig of(Path dataDir) {
        return builder().dataDir(dataDir).build();
    }

    @Override
    public String toString() {
        return "StoreConfig[dataDir=" + dataDir() + ", instruments=" + instruments() + "]";
    }

    /**
     * Collects configuration values; {@link #build()} validates them. Later calls for the same key
     * win. Not thread-safe: build on one thread, then share the {@link StoreConfig}.
     */
    public static final class Builder {
        private static final String SOURCE = "StoreConfig";

        private Path dataDir;
        private Path configFile;
        private Map<String, String> environment = Map.of();
        private final Map<String, String> values = new LinkedHashMap<>();
        private final List<String> instruments = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the data directory (key {@code data.dir}; default {@code ~/.okx-store}).
         *
         * @param dir the directory; created by the store's first writing call
         * @return this builder
         */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Reads a properties file, below the values set on this builder (by default
         * {@code <data-dir>/okx-store.properties} is read when present).
         *
         * @param file an existing properties file
         * @return this builder
         */
        public Builder configFile(Path file) {
            this.configFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Environment variables to honour ({@code OKX_STORE_*}, {@code OKX_STORE_HOME}, {@code HTTPS_PROXY}),
         * such as {@code System.getenv()}; by default none are read.
         *
         * @param env the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
            this.environment = Map.copyOf(Objects.requireNonNull(env, "env"));
            return this;
        }

        /**
         * Adds an instrument to keep in sync with its bars and days of history (keys
         * {@code instruments}, {@code instrument.<ID>.timeframes}, {@code instrument.<ID>.history.days}).
         * Once any instrument is added, only the added ones are synced (the defaults are replaced).
         *
         * @param id          the instrument
         * @param historyDays days of history to keep for every bar (0: from now on)
         * @param bars        one or more bar sizes
         * @return this builder
         */
        public Builder instrument(InstrumentId id, int historyDays, Bar... bars) {
            Objects.requireNonNull(id, "id");
            if (bars.length == 0) {
                throw new IllegalArgumentException(id + ": name at least one bar");
            }
            return instrument(id.value(), historyDays,
                Stream.of(bars).map(Bar::okxName).toArray(String[]::new));
        }

        /**
         * As {@link #instrument(InstrumentId, int, Bar...)}, with the id and bars as text.
         *
         * @param id          the instrument id, such as {@code "BTC-USDT"}
         * @param historyDays days of history to keep for every bar (0: from now on)
         * @param bars        one or more bar sizes as OKX spells them: {@code "1m"}, {@code "1H"}, {@code "1Dutc"}
         * @return this builder
         * @throws IllegalArgumentException for an invalid instrument id
         */
        public Builder instrument(String id, int historyDays, String... bars) {
            InstrumentId parsed = InstrumentId.parse(Objects.requireNonNull(id, "id"));
            if (bars.length == 0) {
                throw new IllegalArgumentException(parsed + ": name at least one bar");
            }
            instruments.remove(parsed.value());
            instruments.add(parsed.value());
            set("instrument." + parsed + ".timeframes", String.join(",", bars));
            return set("instrument." + parsed + ".history.days", Integer.toString(historyDays));
        }

        /**
         * Sets {@code realtime.mode}, how live bars come in.
         *
         * @param mode {@code hybrid} (default: WebSocket, REST polling while it is unhealthy),
         *             {@code websocket} or {@code polling}
         * @return this builder
         */
        public Builder realtimeMode(String mode) {
            return set("realtime.mode", mode);
        }

        /**
         * Sets {@code okx.rest.url}, OKX's REST base URL.
         *
         * @param url default {@code https://www.okx.com}
         * @return this builder
         */
        public Builder restUrl(String url) {
            return set("okx.rest.url", url);
        }

        /**
         * Sets {@code okx.ws.business.url}, the WebSocket that carries candles.
         *
         * @param url default {@code wss://ws.okx.com:8443/ws/v5/business}
         * @return this builder
         */
        public Builder wsBusinessUrl(String url) {
            return set("okx.ws.business.url", url);
        }

        /**
         * Sets {@code okx.ws.public.url}, OKX's public WebSocket.
         *
         * @param url default {@code wss://ws.okx.com:8443/ws/v5/public}
         * @return this builder
         */
        public Builder wsPublicUrl(String url) {
            return set("okx.ws.public.url", url);
        }

        /**
         * Sets any key of the properties file ({@code ws.ping.seconds}, {@code instrument.ETH-USDT.realtime},
         * ...). Checked by {@link #build()}, like a line of the file.
         *
         * @param key   a key of the properties file
         * @param value its value, as the file would spell it
         * @return this builder
         */
        public Builder set(String key, String value) {
            values.put(Objects.requireNonNull(key, "key").strip(), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Resolves and validates everything, before any I/O on the data directory.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the key, the value and where it came from, for an
         *                                  unknown key, a bad value, a bad instrument id or an unreadable file
         */
        public StoreConfig build() {
            Map<String, String> flags = new LinkedHashMap<>(values);
            if (!instruments.isEmpty()) {
                flags.put("instruments", instruments.stream().collect(Collectors.joining(",")));
            }
            try {
                return new StoreConfig(Settings.resolve(configFile, dataDir, environment, flags, SOURCE));
            } catch (ConfigException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
