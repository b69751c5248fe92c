package okxstore.api;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM's threads, virtual ones included, from {@code HotSpotDiagnosticMXBean.dumpThreads}
 * ({@code Thread.getAllStackTraces()} leaves virtual threads out, PITFALLS).
 */
final class ThreadDump {
    /** One thread of a dump: its id, name, whether it is virtual, and its header and stack. */
    record Entry(long tid, String name, boolean virtual, String text) {
    }

    private static final Pattern HEADER = Pattern.compile("^#(\\d+) \"(.*)\"( virtual)?.*$");
    /** Threads of the store: its own, the HTTP clients', the writer's and the engine's. */
    private static final Pattern OURS = Pattern.compile("(?i).*(okx|HttpClient|writer|engine).*");

    private ThreadDump() {
    }

    /** Every thread now, by id. */
    static Map<Long, Entry> take(Path dir) throws IOException {
        Path file = dir.toAbsolutePath().resolve("threads-" + System.nanoTime() + ".txt");
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
            .dumpThreads(file.toString(), ThreadDumpFormat.TEXT_PLAIN);
        Map<Long, Entry> threads = new LinkedHashMap<>();
        Entry current = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                put(threads, current, text);
                current = new Entry(Long.parseLong(m.group(1)), m.group(2), m.group(3) != null, "");
                text.setLength(0);
            }
            text.append(line).append('\n');
        }
        put(threads, current, text);
        Files.delete(file);
        return threads;
    }

    private static void put(Map<Long, Entry> threads, Entry e, StringBuilder text) {
        if (e != null) {
            threads.put(e.tid(), new Entry(e.tid(), e.name(), e.virtual(), text.toString()));
        }
    }

    /** Threads alive now that were not in {@code before} and are the store's or virtual. */
    static List<Entry> stray(Map<Long, Entry> before, Map<Long, Entry> now) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : now.values()) {
            if (!before.containsKey(e.tid()) && (e.virtual() || OURS.matcher(e.name()).matches())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Waits (up to {@code timeout}) until no stray thread is left; fails listing them otherwise. */
    static void assertNoneLeft(Map<Long, Entry> before, Path dir, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        List<Entry> left = stray(before, take(dir));
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
            left = stray(before, take(dir));
        }
        if (!left.isEmpty()) {
            StringBuilder sb = new StringBuilder("threads left after close:\n");
            left.forEach(e -> sb.append(e.text()).append('\n'));
            throw new AssertionError(sb.toString());
        }
    }
}
