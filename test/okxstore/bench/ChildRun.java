package okxstore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process to its end, stdout to /dev/null (or a file), and measures its wall time
 * and, on request, its peak RSS: through {@code /usr/bin/time -f %M} when installed (GNU time
 * reads the child's rusage maxrss), else by polling the child's /proc VmHWM every 5 ms.
 */
final class ChildRun {
    static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** What a finished child did: exit code, wall time, peak RSS in MiB (NaN when not measured) and its stderr. */
    record Result(int exit, double millis, double peakMib, String stderr) {
        Result requireOk(String what) {
            if (exit != 0) {
                throw new IllegalStateException(what + " exited " + exit + ": " + stderr.strip());
            }
            return this;
        }
    }

    private ChildRun() {
    }

    /** How peak RSS is measured here, for the report. */
    static String rssMethod() {
        return Files.isExecutable(GNU_TIME) ? "GNU time %M (child's ru_maxrss)" : "polling /proc/PID/status VmHWM every 5 ms";
    }

    static Result run(List<String> command, Path dir, boolean measureRss, Path stdout) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "child", ".err");
        Path rssFile = Files.createTempFile(dir, "child", ".rss");
        List<String> cmd = new ArrayList<>();
        boolean gnu = measureRss && Files.isExecutable(GNU_TIME);
        if (gnu) {
            cmd.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rssFile.toString()));
        }
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(err.toFile())
            .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        long t0 = System.nanoTime();
        Process p = pb.start();
        double polled = Double.NaN;
        if (measureRss && !gnu) {
            while (!p.waitFor(5, TimeUnit.MILLISECONDS)) {
                double now = Rss.peakMib(p.pid());
                polled = Double.isNaN(polled) ? now : Double.isNaN(now) ? polled : Math.max(polled, now);
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("child did not finish in 5 minutes: " + command);
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        double peak = polled;
        if (gnu) {
            String text = Files.readString(rssFile, StandardCharsets.UTF_8).strip();
            String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1).strip();
            peak = last.matches("\\d+") ? Long.parseLong(last) / 1024.0 : Double.NaN;
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(err);
        Files.deleteIfExists(rssFile);
        return new Result(p.exitValue(), millis, peak, stderr);
    }
}
