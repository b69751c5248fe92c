package okxstore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okxstore.json.Json;

/** The daemon of figure 4 in a child JVM with {@code -Xmx64m}, as users start it; stopped with SIGTERM. */
final class DaemonChild implements AutoCloseable {
    private final Process process;
    private final Path data;
    private final Path stderr;
    private double peakMib = Double.NaN;

    private DaemonChild(Process process, Path data, Path stderr) {
        this.process = process;
        this.data = data;
        this.stderr = stderr;
    }

    static DaemonChild start(BenchContext ctx, Path config, Path data, Path dir) throws IOException {
        Files.createDirectories(data);
        Path err = dir.resolve("daemon.err");
        List<String> cmd = List.of(ctx.java(), "-Xmx64m", "-jar", ctx.jar().toString(), "--config", config.toString(),
            "--data-dir", data.toString(), "daemon", "--no-sync-on-start");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        return new DaemonChild(p, data, err);
    }

    /** Waits until the status file lists {@code series} series, all live; fails with the daemon's stderr otherwise. */
    void awaitAllLive(int series, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "no status yet";
        while (System.nanoTime() < end) {
            requireAlive("start-up");
            Map<?, ?> status = status();
            if (status.get("series") instanceof List<?> list) {
                long live = list.stream().filter(o -> o instanceof Map<?, ?> m && "live".equals(m.get("state"))).count();
                last = live + " of " + list.size() + " series live";
                if (list.size() == series && live == series) {
                    return;
                }
            }
            samplePeak();
            Thread.sleep(500);
        }
        throw new IllegalStateException("the daemon did not get every series live in " + timeout + " (" + last + "): "
            + stderrText());
    }

    private Map<?, ?> status() {
        try {
            Object doc = Json.parse(Files.readString(data.resolve("status.json"), StandardCharsets.UTF_8));
            return doc instanceof Map<?, ?> m ? m : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    void requireAlive(String during) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the daemon died during " + during + ", exit " + process.exitValue() + ": "
                + stderrText());
        }
    }

    private void samplePeak() {
        double now = Rss.peakMib(process.pid());
        if (!Double.isNaN(now)) {
            peakMib = Double.isNaN(peakMib) ? now : Math.max(peakMib, now);
        }
    }

    /** The daemon's VmHWM now (its peak so far), in MiB. */
    double peakRssMib() {
        samplePeak();
        return peakMib;
    }

    /** SQLite database files the daemon holds open now (each open connection holds its own descriptor). */
    long openDatabases() {
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc/" + process.pid() + "/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().endsWith(".db");
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            }).count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** SIGTERM, then the exit code (the daemon flushes and exits 0). */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    String stderrText() {
        try {
            String s = Files.readString(stderr, StandardCharsets.UTF_8);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
