package okxstore.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import okxstore.json.Json;

/** A daemon in a child JVM running the built jar, as a user starts it; stopped with SIGTERM or killed. */
final class DaemonProcess implements AutoCloseable {
    private final Process process;
    private final Path dataDir;
    private final Path stderr;

    private DaemonProcess(Process process, Path dataDir, Path stderr) {
        this.process = process;
        this.dataDir = dataDir;
        this.stderr = stderr;
    }

    static String jar() {
        return System.getProperty("okxstore.jar");
    }

    static DaemonProcess start(Path config, Path dataDir, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-jar", jar(), "--config", config.toString(),
            "--data-dir", dataDir.toString(), "daemon"));
        cmd.addAll(List.of(extra));
        Files.createDirectories(dataDir);
        Path err = Files.createTempFile(dataDir.getParent(), "daemon", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new DaemonProcess(p, dataDir, err);
    }

    /** The daemon's last status document, or an empty map. */
    @SuppressWarnings("unchecked")
    Map<String, Object> status() {
        try {
            Object doc = Json.parse(Files.readString(dataDir.resolve("status.json"), StandardCharsets.UTF_8));
            return doc instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Polls the status file until the condition holds; fails with the daemon's stderr otherwise. */
    void awaitStatus(String what, Predicate<Map<String, Object>> condition, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError("daemon died while waiting for " + what + ": " + stderrText());
            }
            if (condition.test(status())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; status " + status() + "; stderr " + stderrText());
    }

    /** True when every series of the status is live (subscribed, repaired, not polling). */
    static boolean allLive(Map<String, Object> s) {
        return s.get("series") instanceof List<?> list && !list.isEmpty()
            && list.stream().allMatch(o -> o instanceof Map<?, ?> m && "live".equals(m.get("state")));
    }

    static long number(Map<String, Object> s, String key) {
        return s.get(key) instanceof Number n ? n.longValue() : 0;
    }

    boolean alive() {
        return process.isAlive();
    }

    String stderrText() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    /** SIGTERM, then the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("daemon did not stop on SIGTERM");
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself, then its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("process did not end");
        }
        return process.exitValue();
    }

    /** SIGKILL: nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
