package okxstore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import okxstore.candle.LiveFeed;
import okxstore.config.ConfigException;
import okxstore.config.Settings;
import okxstore.sync.DaemonStatusFile;
import okxstore.sync.EngineSettings;
import okxstore.sync.LiveEngine;
import okxstore.sync.OkxWiring;
import okxstore.sync.StoreServices;

/**
 * {@code daemon}: owns the data directory, backfills, goes live, follows the config file, publishes
 * its health, and on SIGINT/SIGTERM flushes the writer and exits 0.
 */
final class DaemonCommand implements Command {
    private static final Logger LOG = Logger.getLogger(DaemonCommand.class.getName());

    @Override
    public String name() {
        return "daemon";
    }

    @Override
    public String summary() {
        return "backfill, then stay in sync over WebSocket and REST until stopped";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store daemon [--no-sync-on-start]

            Keeps every configured instrument and bar current: history over REST, live bars over the
            WebSocket (realtime.mode: hybrid, websocket or polling), REST polling while the socket is
            unhealthy, and every missed range repaired over REST when live data resumes.
            Watches the config file: add-symbol and remove-symbol take effect without a restart.
            Publishes its health in DATA-DIR/status.json (see status, websocket status).
            Runs until SIGINT or SIGTERM, then flushes everything and exits 0.
              --no-sync-on-start   skip the full history pass at start (recent bars are still repaired)
            One daemon per data directory.
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of(), Set.of("no-sync-on-start"));
        args.maxPositional(0);
        Settings settings = cli.settings();
        cli.logToFile();
        InstantSource clock = InstantSource.system();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                done.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LogSetup.reset();
            cli.err.flush();
            // exit 0 after a clean flush instead of the JVM's 143 for SIGTERM (PITFALLS)
            Runtime.getRuntime().halt(0);
        }, "okx-store-shutdown");
        try (StoreServices services = StoreServices.open(settings, "daemon")) {
            Runtime.getRuntime().addShutdownHook(hook);
            run(cli, services, settings, clock, !args.flag("no-sync-on-start"), stop);
        } catch (okxstore.sync.DataDirLock.LockedException e) {
            throw CliException.failure(e.getMessage());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // shutting down already: the hook waits for done, then halts with 0
            }
            done.countDown();
        }
        return 0;
    }

    private static void run(Cli cli, StoreServices services, Settings settings, InstantSource clock, boolean syncOnStart,
                            CountDownLatch stop) throws InterruptedException {
        long started = clock.millis();
        LiveEngine[] engineRef = new LiveEngine[1];
        LiveFeed.Listener listener = new LiveFeed.Listener() {
            @Override
            public void onCandles(okxstore.candle.InstrumentId id, okxstore.candle.Bar bar,
                                  List<okxstore.candle.Candle> candles, long receivedAt) {
                engineRef[0].onCandles(id, bar, candles, receivedAt);
            }

            @Override
            public void onState(okxstore.candle.InstrumentId id, okxstore.candle.Bar bar, LiveFeed.SeriesState state,
                                String detail) {
                engineRef[0].onState(id, bar, state, detail);
            }
        };
        LiveFeed feed = settings.bool("ws.enabled") ? OkxWiring.live(settings, listener, clock) : null;
        try (LiveEngine engine = new LiveEngine(EngineSettings.from(settings), services.sync(), services.writer(), feed,
            clock)) {
            engineRef[0] = engine;
            engine.apply(settings.instruments(), syncOnStart);
            engine.start();
            LOG.info("daemon started on " + settings.dataDir() + " with " + settings.instruments().size()
                + " instruments (pid " + ProcessHandle.current().pid() + ")");
            ConfigWatch watch = new ConfigWatch(cli, settings);
            long statusEvery = Math.max(200, settings.integer("status.interval.seconds") * 1000L);
            while (!stop.await(Math.min(statusEvery, 1000), TimeUnit.MILLISECONDS)) {
                Settings changed = watch.poll();
                if (changed != null) {
                    engine.apply(changed.instruments(), true);
                }
                publish(settings.dataDir(), engine, services, started, clock.millis());
            }
            LOG.info("daemon stopping: flushing");
        }
        publish(settings.dataDir(), null, services, started, clock.millis());
    }

    private static void publish(Path dir, LiveEngine engine, StoreServices services, long started, long now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("pid", ProcessHandle.current().pid());
        doc.put("started_at", started);
        doc.put("written_at", now);
        doc.put("state", engine == null ? "stopped" : "running");
        if (engine != null) {
            doc.putAll(engine.status(now));
        }
        var w = services.writer().stats();
        doc.put("writer", Map.of("rows_written", w.rowsWritten(), "batches", w.batches(), "queue", w.queueDepth()));
        try {
            DaemonStatusFile.write(dir, doc);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write " + dir.resolve(DaemonStatusFile.FILE_NAME), e);
        }
    }

    /** Notices when the config file changes and loads it; a bad file is logged and the old settings kept. */
    private static final class ConfigWatch {
        private final Cli cli;
        private final Path file;
        private FileTime seen;

        ConfigWatch(Cli cli, Settings settings) {
            this.cli = cli;
            this.file = settings.configFile();
            this.seen = modified();
        }

        Settings poll() {
            FileTime now = modified();
            if (now == null ? seen == null : now.equals(seen)) {
                return null;
            }
            seen = now;
            try {
                cli.reloadSettings();
                Settings s = cli.settings();
                LOG.info("config file " + file + " changed at " + (now == null ? Instant.now() : now.toInstant())
                    + ": now " + s.instruments().size() + " instruments");
                return s;
            } catch (ConfigException e) {
                LOG.warning("config file " + file + " changed but cannot be used, keeping the running settings: "
                    + e.getMessage());
                return null;
            }
        }

        private FileTime modified() {
            try {
                return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            } catch (IOException e) {
                return null;
            }
        }
    }
}
