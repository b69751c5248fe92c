package okxstore.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.sync.SyncService;

/** A one-line progress display on stderr, only when stderr is a terminal; at most a few redraws a second. */
final class Progress implements SyncService.Progress, AutoCloseable {
    private final Cli cli;
    private final Map<String, Long> received = new ConcurrentHashMap<>();
    private volatile long lastDraw;
    private volatile boolean drawn;

    Progress(Cli cli) {
        this.cli = cli;
    }

    @Override
    public void received(InstrumentId id, Bar bar, long candles, long expected) {
        if (!cli.stderrTerminal) {
            return;
        }
        received.put(id + " " + bar, candles);
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        long total = received.values().stream().mapToLong(Long::longValue).sum();
        synchronized (cli.err) {
            cli.err.print("\r" + String.format(java.util.Locale.ROOT, "syncing %d series: %,d candles received   ",
                received.size(), total));
            cli.err.flush();
        }
        drawn = true;
    }

    @Override
    public void close() {
        if (drawn) {
            cli.err.print("\r\033[K");
            cli.err.flush();
        }
    }
}
