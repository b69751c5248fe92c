package okxstore.cli;

import java.nio.file.Files;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import okxstore.candle.LiveFeed;
import okxstore.config.ConfigFileEditor;
import okxstore.config.Key;
import okxstore.config.Keys;
import okxstore.config.Settings;
import okxstore.json.Json;
import okxstore.sync.DaemonStatusFile;
import okxstore.sync.OkxWiring;

/** {@code websocket status|test|config}: the daemon's socket health, a live probe, the socket settings. */
final class WebSocketCommand implements Command {
    private static final List<String> KEYS = List.of("ws.enabled", Keys.REALTIME_MODE, Keys.WS_BUSINESS_URL,
        Keys.WS_PUBLIC_URL, "ws.ping.seconds", "ws.pong.timeout.seconds", "ws.reconnect.min.ms", "ws.reconnect.max.ms",
        "ws.connects.per.second", "ws.max.subscriptions.per.connection", "ws.stale.seconds", "ws.confirm.grace.seconds",
        "ws.retry.cooldown.seconds");

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public String summary() {
        return "socket health, a live probe, socket settings";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store websocket status [--json]
                   okx-store websocket test [--timeout S] [ID [BAR]]
                   okx-store websocket config [--enable | --disable | --set-mode websocket|polling|hybrid]

              status   the running daemon's connections (state, subscriptions, last message, ping round
                       trip, reconnects, errors) from its status file; exit 1 when no daemon runs
              test     connects, subscribes one candle channel (default: the first configured instrument,
                       1m), reports the first push and the ping round trip; exit 0, or 1 after --timeout
                       seconds (default 10) without a push
              config   shows the socket settings and where each comes from; --enable/--disable set
                       ws.enabled, --set-mode sets realtime.mode in the config file
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        if (argv.isEmpty()) {
            throw CliException.usage("websocket needs status, test or config (see okx-store websocket --help)");
        }
        List<String> rest = argv.subList(1, argv.size());
        return switch (argv.get(0)) {
            case "status" -> status(cli, Args.parse("websocket status", rest, Set.of(), Set.of("json")));
            case "test" -> test(cli, Args.parse("websocket test", rest, Set.of("timeout"), Set.of()));
            case "config" -> config(cli, Args.parse("websocket config", rest, Set.of("set-mode"),
                Set.of("enable", "disable")));
            default -> throw CliException.usage("unknown websocket command '" + argv.get(0) + "' (status, test, config)");
        };
    }

    private static int status(Cli cli, Args args) {
        args.maxPositional(0);
        cli.logToStderr();
        Map<String, Object> d = DaemonStatusFile.read(cli.settings().dataDir(), System.currentTimeMillis());
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : List.of("running", "pid", "status_age_ms", "connections", "subscriptions", "reconnects",
            "fallbacks", "polling", "pushes", "socket_counters", "recent_errors")) {
            if (d.containsKey(k)) {
                out.put(k, d.get(k));
            }
        }
        if (args.flag("json")) {
            cli.out.println(Json.write(out));
        } else {
            cli.out.println(DaemonStatusFile.describe(d));
            if (d.get("connections") instanceof List<?> conns) {
                for (Object c : conns) {
                    cli.out.println("  " + Json.write(c));
                }
            }
        }
        return Boolean.TRUE.equals(d.get("running")) ? 0 : 1;
    }

    private static int test(Cli cli, Args args) throws Exception {
        args.maxPositional(2);
        Settings settings = cli.settings();
        InstrumentId id = args.positional().isEmpty()
            ? settings.instruments().stream().findFirst().map(i -> i.id()).orElse(InstrumentId.parse("BTC-USDT"))
            : Series.id(args.positional().get(0));
        Bar bar = args.positional().size() > 1 ? Series.bar(args.positional().get(1)) : Bar.M1;
        int timeout = args.intOption("timeout", 10);
        // the probe's own one-line verdict says what went wrong; the feed's warnings would repeat it
        LogSetup.stderr(cli.err, cli.debug ? java.util.logging.Level.FINE : java.util.logging.Level.SEVERE);
        CountDownLatch first = new CountDownLatch(1);
        AtomicReference<String> refused = new AtomicReference<>();
        AtomicLong firstAt = new AtomicLong();
        AtomicReference<Candle> candle = new AtomicReference<>();
        long start = System.nanoTime();
        LiveFeed.Listener listener = new LiveFeed.Listener() {
            @Override
            public void onCandles(InstrumentId i, Bar b, List<Candle> candles, long receivedAt) {
                if (firstAt.compareAndSet(0, System.nanoTime())) {
                    candle.set(candles.get(candles.size() - 1));
                    first.countDown();
                }
            }

            @Override
            public void onState(InstrumentId i, Bar b, LiveFeed.SeriesState state, String detail) {
                if (state == LiveFeed.SeriesState.REFUSED) {
                    refused.set(detail);
                    first.countDown();
                }
            }
        };
        try (LiveFeed feed = OkxWiring.live(settings, listener, InstantSource.system())) {
            feed.subscribe(id, bar);
            feed.start();
            boolean got = first.await(timeout, TimeUnit.SECONDS);
            if (refused.get() != null) {
                throw CliException.failure("subscription to candle" + bar.okxName() + " " + id + " refused: " + refused.get());
            }
            if (!got) {
                throw CliException.failure("no push for candle" + bar.okxName() + " " + id + " within " + timeout
                    + " s from " + settings.endpoints().wsBusinessUrl());
            }
            Object rtt = feed.connections().stream().map(c -> c.get("ping_rtt_ms")).filter(v -> v != null)
                .findFirst().orElse("n/a");
            Candle c = candle.get();
            cli.out.println("ok: first push for candle" + bar.okxName() + " " + id + " after "
                + (firstAt.get() - start) / 1_000_000 + " ms (bar " + IsoTime.format(c.ts()) + " close "
                + okxstore.candle.Decimals.format(c.close()) + "), ping round trip " + rtt + " ms, via "
                + settings.endpoints().wsBusinessUrl());
        }
        return 0;
    }

    private static int config(Cli cli, Args args) throws Exception {
        args.maxPositional(0);
        Settings settings = cli.settings();
        Map<String, String> set = new LinkedHashMap<>();
        if (args.flag("enable") && args.flag("disable")) {
            throw CliException.usage("websocket config takes --enable or --disable, not both");
        }
        if (args.flag("enable") || args.flag("disable")) {
            set.put("ws.enabled", Boolean.toString(args.flag("enable")));
        }
        if (args.option("set-mode").isPresent()) {
            String mode = args.option("set-mode").get().strip();
            if (!List.of("websocket", "polling", "hybrid").contains(mode)) {
                throw CliException.usage("--set-mode takes websocket, polling or hybrid, got '" + mode + "'");
            }
            set.put(Keys.REALTIME_MODE, mode);
        }
        if (!set.isEmpty()) {
            ConfigFileEditor.edit(settings.configFile(), set, Set.of());
            AddSymbolCommand.warnMasked(cli, settings, set.keySet());
            cli.reloadSettings();
            settings = cli.settings();
            cli.out.println("updated " + settings.configFile() + (Files.exists(settings.dataDir().resolve(
                DaemonStatusFile.FILE_NAME)) ? " (a running daemon picks it up)" : ""));
        }
        for (String k : KEYS) {
            cli.out.println(k + "=" + settings.get(k) + "\t# " + settings.config().origin(k)
                + (settings.config().maskedByEnvironment(k) ? " (" + Key.envName(k) + ")" : ""));
        }
        return 0;
    }
}
