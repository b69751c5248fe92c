package okxstore.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * Figure 4's reader: one platform thread that polls the daemon's SQLite files read-only, each poll
 * one short read transaction on a file with pushes waiting, and marks a push readable once the
 * stored row of its bar shows it (same close and confirm flag, or a later push of the series, or
 * the bar confirmed). A pass over the files is one poll period; its length is recorded.
 */
final class ReadablePoller implements AutoCloseable {
    private static final String SQL = "SELECT ts, close, confirmed FROM candles_1m WHERE ts >= ? ORDER BY ts";

    private final Path dataDir;
    private final PushTracker tracker;
    private final Map<String, Connection> connections = new HashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Thread thread;
    private volatile boolean stop;
    private long passes;
    private long passNanos;
    private long maxPassNanos;
    private long errors;

    ReadablePoller(Path dataDir, PushTracker tracker) {
        this.dataDir = dataDir;
        this.tracker = tracker;
        this.thread = Thread.ofPlatform().name("bench-poller").unstarted(this::loop);
    }

    /** Opens every file's connection and statement first, so that the first pass measures no opening. */
    void start(Iterable<String> instIds) throws SQLException {
        for (String id : instIds) {
            statement(id);
        }
        thread.start();
    }

    private void loop() {
        while (!stop) {
            long t0 = System.nanoTime();
            for (PushTracker.Pending p : tracker.series()) {
                try {
                    poll(p);
                } catch (SQLException e) {
                    errors++;
                }
            }
            long took = System.nanoTime() - t0;
            passes++;
            passNanos += took;
            maxPassNanos = Math.max(maxPassNanos, took);
            if (took < TimeUnit.MILLISECONDS.toNanos(2)) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void poll(PushTracker.Pending p) throws SQLException {
        long oldest;
        p.lock.lock();
        try {
            if (p.pushes.isEmpty()) {
                return;
            }
            oldest = p.pushes.peekFirst().ts();
        } finally {
            p.lock.unlock();
        }
        PreparedStatement ps = statement(p.instId);
        if (ps == null) {
            return;
        }
        Map<Long, double[]> rows = new HashMap<>();
        ps.setLong(1, oldest);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getLong(1), new double[] {rs.getDouble(2), rs.getInt(3)});
            }
        }
        long now = System.nanoTime();
        p.lock.lock();
        try {
            List<PushTracker.Push> list = new ArrayList<>(p.pushes);
            int last = -1;
            for (int i = 0; i < list.size(); i++) {
                if (visible(list.get(i), rows.get(list.get(i).ts()))) {
                    last = i;
                }
            }
            for (int i = 0; i <= last; i++) {
                tracker.readable(p.pushes.pollFirst(), now);
            }
        } finally {
            p.lock.unlock();
        }
    }

    private static boolean visible(PushTracker.Push push, double[] row) {
        if (row == null) {
            return false;
        }
        boolean confirmed = row[1] != 0;
        return confirmed && !push.confirmed() || confirmed == push.confirmed() && row[0] == push.close();
    }

    private PreparedStatement statement(String instId) throws SQLException {
        PreparedStatement ps = statements.get(instId);
        if (ps == null) {
            Connection c = connections.get(instId);
            if (c == null) {
                Path file = dataDir.resolve(instId + ".db");
                if (!Files.isRegularFile(file)) {
                    return null;
                }
                SQLiteConfig config = new SQLiteConfig();
                config.setReadOnly(true);
                config.setBusyTimeout(1000);
                c = config.createConnection("jdbc:sqlite:" + file);
                connections.put(instId, c);
            }
            try {
                ps = c.prepareStatement(SQL);
            } catch (SQLException e) {
                return null; // no candles table yet
            }
            statements.put(instId, ps);
        }
        return ps;
    }

    /** Mean and longest pass over the files, ms; errors. */
    String describe() {
        return String.format(java.util.Locale.ROOT, "poll period mean %.1f ms, max %.1f ms over %d passes, %d errors",
            passes == 0 ? 0 : passNanos / 1e6 / passes, maxPassNanos / 1e6, passes, errors);
    }

    double meanPassMs() {
        return passes == 0 ? 0 : passNanos / 1e6 / passes;
    }

    @Override
    public void close() {
        stop = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : connections.values()) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing read-only connections at the end; nothing to report
            }
        }
    }
}
