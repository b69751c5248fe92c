package okxstore.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import okxstore.config.Key.Type;

/** The catalog of every configuration key with its default and meaning, in the order the example file documents them. */
public final class Keys {
    public static final String DATA_DIR = "data.dir";
    public static final String REST_URL = "okx.rest.url";
    public static final String WS_PUBLIC_URL = "okx.ws.public.url";
    public static final String WS_BUSINESS_URL = "okx.ws.business.url";
    public static final String DEMO = "okx.demo";
    public static final String PROXY = "okx.proxy";
    public static final String REGION = "okx.region";
    public static final String REALTIME_MODE = "realtime.mode";
    public static final String INSTRUMENTS = "instruments";
    public static final String TIMEFRAMES = "instrument.<ID>.timeframes";
    public static final String HISTORY_DAYS = "instrument.<ID>.history.days";
    public static final String HISTORY_DAYS_BAR = "instrument.<ID>.history.days.<BAR>";
    public static final String REALTIME = "instrument.<ID>.realtime";
    public static final String SYNC_INTERVAL = "instrument.<ID>.sync.interval.seconds";
    public static final String ENABLED = "instrument.<ID>.enabled";
    public static final String LOG_LEVEL = "log.level";
    public static final String LOG_FILE = "log.file";
    private static final String INSTRUMENT_PREFIX = "instrument.";

    private static final List<Key> ALL = List.of(
        new Key(DATA_DIR, "~/.okx-store", Type.TEXT, "data directory: one SQLite file per instrument, logs, lock and status"),
        new Key(REST_URL, "https://www.okx.com", Type.URL, "OKX REST base URL"),
        new Key(WS_PUBLIC_URL, "wss://ws.okx.com:8443/ws/v5/public", Type.URL, "OKX public WebSocket URL"),
        new Key(WS_BUSINESS_URL, "wss://ws.okx.com:8443/ws/v5/business", Type.URL,
            "OKX business WebSocket URL (candle channels live here)"),
        new Key(DEMO, "false", Type.BOOLEAN, "use OKX demo trading (adds x-simulated-trading: 1 and the demo socket hosts)"),
        new Key(PROXY, "", Type.HOSTPORT, "host:port of an HTTP proxy for REST and WebSocket (default from HTTPS_PROXY)"),
        new Key(REGION, "global", Type.REGION, "OKX host set: global, eea or us (sets the URLs that are not given)"),
        new Key(REALTIME_MODE, "hybrid", Type.MODE, "live data: websocket, polling, or hybrid (WebSocket, REST polling while it is unhealthy)"),
        new Key(INSTRUMENTS, "BTC-USDT,ETH-USDT,SOL-USDT", Type.INSTRUMENTS, "instruments to keep in sync, comma separated"),
        new Key(TIMEFRAMES, "1m,1H,1Dutc", Type.BARS, "bars stored for the instrument, comma separated"),
        new Key(HISTORY_DAYS, "30", Type.INT, "days of history kept for every bar of the instrument"),
        new Key(HISTORY_DAYS_BAR, "", Type.INT,
            "days of history for one bar, overriding history.days (empty: history.days)"),
        new Key(REALTIME, "auto", Type.REALTIME, "live data for the instrument: websocket, polling, or auto (follows realtime.mode)"),
        new Key(SYNC_INTERVAL, "60", Type.INT, "REST polling period in seconds when polling"),
        new Key(ENABLED, "true", Type.BOOLEAN, "false keeps the data but stops syncing the instrument"),
        new Key(LOG_LEVEL, "INFO", Type.LEVEL, "log level: SEVERE, WARNING, INFO, FINE, FINER"),
        new Key(LOG_FILE, "", Type.TEXT, "log file (default <data-dir>/okx-store.log; rotated at 10 MB, 5 files)"),
        new Key("rest.timeout.seconds", "10", Type.INT, "whole-request timeout of one REST call"),
        new Key("rest.max.retries", "8", Type.INT, "retries of a REST call that failed with a retryable error"),
        new Key("rest.backoff.base.ms", "500", Type.INT, "first retry delay; doubles each retry, with jitter"),
        new Key("rest.backoff.max.ms", "30000", Type.INT, "longest retry delay"),
        new Key("rest.rate.margin", "0.95", Type.DECIMAL, "share of OKX's per-endpoint rate limit used (sliding 2 s window)"),
        new Key("rest.rate.guard.ms", "100", Type.INT, "the 2 s window is treated as this much longer, for requests that arrive late"),
        new Key("rest.limit.candles", "40", Type.INT, "OKX's limit of /market/candles requests per 2 s"),
        new Key("rest.limit.history.candles", "20", Type.INT, "OKX's limit of /market/history-candles requests per 2 s"),
        new Key("rest.limit.instruments", "20", Type.INT, "OKX's limit of /public/instruments requests per 2 s"),
        new Key("rest.limit.time", "10", Type.INT, "OKX's limit of /public/time requests per 2 s"),
        new Key("sync.concurrency", "4", Type.INT, "series (instrument and bar) synced at once over REST"),
        new Key("sync.nodata.recheck.hours", "24", Type.INT, "a range OKX had no bars for is asked once more after this"),
        new Key("clock.refresh.minutes", "60", Type.INT, "how often the offset to OKX's clock is refreshed"),
        new Key("ws.enabled", "true", Type.BOOLEAN, "false turns the WebSocket off: every instrument polls"),
        new Key("ws.ping.seconds", "20", Type.INT, "send ping after this long without receiving anything (under OKX's 30 s)"),
        new Key("ws.pong.timeout.seconds", "5", Type.INT, "reconnect when no pong comes within this"),
        new Key("ws.reconnect.min.ms", "500", Type.INT, "first reconnect delay; doubles each failure, with jitter"),
        new Key("ws.reconnect.max.ms", "30000", Type.INT, "longest reconnect delay"),
        new Key("ws.connects.per.second", "3", Type.INT, "new connections per second (OKX allows 3 per IP)"),
        new Key("ws.max.subscriptions.per.connection", "240", Type.INT, "channels carried by one connection before another is opened"),
        new Key("ws.stale.seconds", "45", Type.INT, "a socket with no push on any channel for this long is unhealthy"),
        new Key("ws.confirm.grace.seconds", "5", Type.INT, "a bar without its closing push this long after its end is fetched over REST"),
        new Key("ws.retry.cooldown.seconds", "30", Type.INT, "while polling, how long before the socket is tried again"),
        new Key("ws.ack.timeout.seconds", "10", Type.INT, "a subscription not acknowledged within this counts as refused"),
        new Key("ws.connect.timeout.seconds", "10", Type.INT, "longest wait for a WebSocket handshake"),
        new Key("ws.handover.timeout.seconds", "30", Type.INT, "after a 64008 notice, longest the old connection stays while the new one subscribes"),
        new Key("ws.close.grace.ms", "1000", Type.INT, "how long a closing connection waits for the server's close frame"),
        new Key("writer.batch.size", "2000", Type.INT, "candles committed in one transaction at most"),
        new Key("writer.max.delay.ms", "50", Type.INT, "longest a candle waits in the writer before it is committed"),
        new Key("writer.queue.capacity", "100000", Type.INT, "candles queued for the writer before producers wait"),
        new Key("status.interval.seconds", "2", Type.INT, "how often the daemon rewrites its status file"),
        new Key("status.stale.seconds", "120", Type.INT, "status --check reports a series stale when its newest bar is older than one bar plus this"));

    private static final Map<String, Key> BY_NAME = new LinkedHashMap<>();

    static {
        for (Key k : ALL) {
            BY_NAME.put(k.name(), k);
        }
    }

    private Keys() {
    }

    public static List<Key> all() {
        return ALL;
    }

    public static Key get(String name) {
        Key k = BY_NAME.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no such key " + name);
        }
        return k;
    }

    /**
     * The catalog entry of a concrete key: {@code instrument.BTC-USDT.history.days.1m} is
     * {@code instrument.<ID>.history.days.<BAR>}. The id and bar parts are not validated here.
     */
    public static Optional<Key> lookup(String concrete) {
        Key direct = BY_NAME.get(concrete);
        if (direct != null && !direct.perInstrument()) {
            return Optional.of(direct);
        }
        return split(concrete).map(InstrumentKey::key);
    }

    /** A per-instrument key taken apart: the id as written, its catalog entry, and the bar part of a per-bar key (else null). */
    record InstrumentKey(String id, Key key, String bar) {
    }

    /**
     * Splits {@code instrument.<ID>.<suffix>} by its known suffix, so that an id with odd characters
     * ({@code ../x}) is still found and can be reported; empty when the key is no per-instrument key.
     */
    static Optional<InstrumentKey> split(String concrete) {
        if (!concrete.startsWith(INSTRUMENT_PREFIX)) {
            return Optional.empty();
        }
        String rest = concrete.substring(INSTRUMENT_PREFIX.length());
        for (Key k : ALL) {
            if (k.perInstrument() && !k.name().equals(HISTORY_DAYS_BAR)) {
                String suffix = k.name().substring("instrument.<ID>".length());
                if (rest.endsWith(suffix)) {
                    return Optional.of(new InstrumentKey(rest.substring(0, rest.length() - suffix.length()), k, null));
                }
            }
        }
        String perBar = ".history.days.";
        int at = rest.lastIndexOf(perBar);
        if (at >= 0 && at + perBar.length() < rest.length()) {
            return Optional.of(new InstrumentKey(rest.substring(0, at), BY_NAME.get(HISTORY_DAYS_BAR),
                rest.substring(at + perBar.length())));
        }
        return Optional.empty();
    }

    /** The instrument id part of a per-instrument key (or of what looks like one, for suggestions), or null. */
    static String instrumentOf(String concrete) {
        Optional<InstrumentKey> parts = split(concrete);
        if (parts.isPresent()) {
            return parts.get().id();
        }
        if (!concrete.startsWith(INSTRUMENT_PREFIX)) {
            return null;
        }
        String rest = concrete.substring(INSTRUMENT_PREFIX.length());
        int dot = rest.indexOf('.');
        return dot <= 0 ? null : rest.substring(0, dot);
    }
}
