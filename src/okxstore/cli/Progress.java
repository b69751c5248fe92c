package okxstore.cli;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.sync.SyncService;

/**
 * A one-line progress bar on stderr ({@code [#######-----]  58%  25,310/43,200 candles, 6 series}),
 * drawn only when stderr is a terminal and at most five times a second; erased when done.
 */
final class Progress implements SyncService.Progress, AutoCloseable {
    private static final int WIDTH = 30;

    private final Cli cli;
    private final Map<String, long[]> series = new ConcurrentHashMap<>();
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
        series.put(id + " " + bar, new long[] {candles, expected});
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        long got = 0;
        long want = 0;
        for (long[] v : series.values()) {
            got += v[0];
            want += Math.max(v[0], v[1]);
        }
        synchronized (cli.err) {
            cli.err.print("\r" + line(got, want, series.size()));
            cli.err.flush();
        }
        drawn = true;
    }

    static String line(long got, long want, int count) {
        double share = want == 0 ? 0 : Math.min(1, (double) got / want);
        int filled = (int) Math.round(share * WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
            + String.format(Locale.ROOT, "%3d%%  %,d/%,d candles, %d series ", Math.round(share * 100), got, want, count);
    }

    @Override
    public void close() {
        if (drawn) {
            cli.err.print("\r\033[K");
            cli.err.flush();
        }
    }
}
