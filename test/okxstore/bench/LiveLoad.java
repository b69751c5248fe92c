package okxstore.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.store.CandleWriter;
import okxstore.store.StoredCandle;

/**
 * The load generator of figure 2: one producer thread puts running-bar updates round-robin over
 * the series at a set rate (paced every millisecond, catching up when late; a full queue blocks
 * it, which lowers the achieved rate), and the commit listener records each row's latency.
 */
final class LiveLoad {
    record Series(InstrumentId id, Bar bar, double base) {
    }

    /** One load step: offered and achieved rate, latencies (ms) of the rows committed in it. */
    static final class Phase {
        private final long offered;
        private long puts;
        private double seconds;
        private double drainMs;
        private int[] latencies = new int[1 << 16];
        private int count;
        private long[] sorted;

        Phase(long offered) {
            this.offered = offered;
        }

        void add(int ms) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = ms;
        }

        long offeredRate() {
            return offered;
        }

        double achievedRate() {
            return puts / seconds;
        }

        double p(double percentile) {
            if (sorted == null) {
                sorted = new long[count];
                for (int i = 0; i < count; i++) {
                    sorted[i] = latencies[i];
                }
                Arrays.sort(sorted);
            }
            return Stats.percentileSorted(sorted, count, percentile);
        }

        /** Achieved at least 95% of the offered rate, the queue drained within a second, and p99 under the bound. */
        boolean sustained(double p99BoundMs) {
            return achievedRate() >= 0.95 * offered && drainMs < 1000 && p(99) < p99BoundMs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "offered %,d/s, achieved %,.0f/s over %.1f s, %,d rows committed,"
                + " latency p50 %.0f / p99 %.0f / max %.0f ms, drain %.0f ms", offered, achievedRate(), seconds,
                count, p(50), p(99), p(100), drainMs);
        }
    }

    private final List<Series> series;
    private final long[] lastUpdatedAt;
    private final long[] updates;
    private volatile Phase current;

    LiveLoad(List<Series> series) {
        this.series = series;
        this.lastUpdatedAt = new long[series.size()];
        this.updates = new long[series.size()];
    }

    /** Writer thread: each committed row's latency, commit time minus put time (its updatedAt). */
    void committed(List<StoredCandle> rows) {
        Phase p = current;
        if (p == null) {
            return;
        }
        long now = System.currentTimeMillis();
        for (StoredCandle c : rows) {
            p.add((int) (now - c.updatedAt()));
        }
    }

    /** One update of every series, committed, not measured: the files and tables exist, as in a running daemon. */
    void prime(CandleWriter writer) throws Exception {
        for (int i = 0; i < series.size(); i++) {
            put(writer, i);
        }
        writer.flush().get();
    }

    /** Offers {@code rate} updates/s for {@code nanos}, then waits for them to be committed. */
    Phase phase(CandleWriter writer, long rate, long nanos) throws Exception {
        Phase p = new Phase(rate);
        current = p;
        long t0 = System.nanoTime();
        long done = 0;
        int next = 0;
        long elapsed;
        while ((elapsed = System.nanoTime() - t0) < nanos) {
            long due = elapsed * rate / 1_000_000_000L;
            for (; done < due; done++) {
                put(writer, next);
                next = next + 1 == series.size() ? 0 : next + 1;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        p.seconds = (System.nanoTime() - t0) / 1e9;
        p.puts = done;
        long d0 = System.nanoTime();
        writer.flush().get();
        p.drainMs = (System.nanoTime() - d0) / 1e6;
        current = null;
        return p;
    }

    private void put(CandleWriter writer, int i) throws InterruptedException {
        long now = System.currentTimeMillis();
        long updatedAt = Math.max(now, lastUpdatedAt[i] + 1); // each update must be newer to change the row
        lastUpdatedAt[i] = updatedAt;
        writer.put(Figure2LiveWrites.update(series.get(i), now, updatedAt, ++updates[i]));
    }
}
