package okxstore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import okxstore.json.Json;

/**
 * The benchmarks of issue 7 ({@code make bench}): each figure next to its baseline measured in the
 * same run, the ratio and the target, as a table on stdout and as JSON in bench/results.json.
 * Arguments: figure numbers to run (default all), e.g. {@code 1 3}. Progress goes to stderr. Exits 1
 * when a figure could not run (a missed target is a result, not a failure).
 */
public final class BenchMain {
    /** Figure 3 first (tiny), figure 2 before the big heaps of figure 1 (it reports this JVM's peak RSS). */
    private static final List<Integer> ORDER = List.of(3, 2, 1, 6, 7, 5, 4);

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        TreeSet<Integer> wanted = new TreeSet<>();
        for (String a : args) {
            for (String part : a.split(",")) {
                if (!part.isBlank()) {
                    wanted.add(Integer.parseInt(part.strip()));
                }
            }
        }
        long t0 = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        boolean crashed = false;
        try (BenchContext ctx = new BenchContext()) {
            for (int figure : ORDER) {
                if (!wanted.isEmpty() && !wanted.contains(figure)) {
                    continue;
                }
                long f0 = System.nanoTime();
                BenchContext.log("figure %d ...", figure);
                try {
                    rows.addAll(run(figure, ctx));
                } catch (Exception | Error e) {
                    crashed = true;
                    BenchContext.log("figure %d failed: %s", figure, e);
                    e.printStackTrace();
                    rows.add(Row.of(Integer.toString(figure), "failed: " + e, Double.NaN, "")
                        .target("runs", false));
                }
                BenchContext.log("figure %d took %.0f s", figure, (System.nanoTime() - f0) / 1e9);
            }
        }
        rows.sort((a, b) -> a.figure().compareTo(b.figure()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> machine = machine();
        System.out.print(Report.table(rows, machine, seconds));
        Path out = Path.of("bench", "results.json");
        write(out, rows, machine, seconds);
        System.out.println("results: " + out.toAbsolutePath());
        if (crashed) {
            System.exit(1); // a missed target is a result; a figure that could not run is a failure
        }
    }

    private static List<Row> run(int figure, BenchContext ctx) throws Exception {
        return switch (figure) {
            case 1 -> Figure1Writer.run(ctx);
            case 2 -> Figure2LiveWrites.run(ctx);
            case 3 -> Figure3Decode.run(ctx);
            case 4 -> Figure4Daemon.run(ctx);
            case 5 -> Figure5Backfill.run(ctx);
            case 6 -> Figure6ColdQuery.run(ctx);
            case 7 -> Figure7Export.run(ctx);
            default -> throw new IllegalArgumentException("no figure " + figure + " (1-7)");
        };
    }

    /** The machine note: cores, CPU, memory, JDK, OS. */
    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", (long) Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        m.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"));
        m.put("date", Instant.now().toString());
        m.put("note", "shared, noisy machine: figures and baselines alternate, medians of the runs");
        return m;
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static void write(Path out, List<Row> rows, Map<String, Object> machine, double seconds) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("machine", machine);
        doc.put("seconds", Math.round(seconds * 10) / 10.0);
        List<Object> figures = new ArrayList<>();
        rows.forEach(r -> figures.add(r.toJson()));
        doc.put("figures", figures);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.write(doc) + "\n", StandardCharsets.UTF_8);
    }
}
