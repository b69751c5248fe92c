package okxstore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident set sizes from /proc (Linux): VmHWM of this process or of a child, in MiB. */
final class Rss {
    private Rss() {
    }

    /**
     * Resets this process's VmHWM to its current RSS ({@code echo 5 > /proc/self/clear_refs}), so
     * that a figure reports its own peak; false where the kernel does not allow it.
     */
    static boolean resetSelf() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** VmHWM of this process in MiB, or NaN. */
    static double selfPeakMib() {
        return peakMib(Path.of("/proc/self/status"));
    }

    /** VmHWM of a live process in MiB, or NaN when it is gone. */
    static double peakMib(long pid) {
        return peakMib(Path.of("/proc/" + pid + "/status"));
    }

    private static double peakMib(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).replace("kB", "").strip();
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
