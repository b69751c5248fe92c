package okxstore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Figure 6: a cold {@code query BTC-USDT 1m --count 10} on the 1M-row file, whole process, no JVM
 * flags, launched as users do ({@code java -jar okx-store.jar}), against {@code java -cp DIR HelloWorld}
 * on the same JDK. The native library cache is warmed by one untimed run first. An extra line
 * measures JDK 25's opt-in AOT cache (not a target).
 */
final class Figure6ColdQuery {
    private static final int RUNS = 5;

    private Figure6ColdQuery() {
    }

    static List<Row> run(BenchContext ctx) throws Exception {
        Path data = ctx.millionRows();
        Path dir = ctx.dir("f6");
        Path hello = helloWorld(dir.resolve("hello"));
        List<String> query = new ArrayList<>(List.of(ctx.java(), "-jar", ctx.jar().toString(), "--data-dir",
            data.toString(), "query", BenchContext.INST, "1m", "--count", "10"));
        List<String> helloCmd = List.of(ctx.java(), "-cp", hello.toString(), "HelloWorld");
        checkQuery(query, dir);
        ChildRun.run(helloCmd, dir, false, null).requireOk("hello world");
        List<Double> q = new ArrayList<>();
        List<Double> h = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            q.add(ChildRun.run(query, dir, false, null).requireOk("query").millis());
            h.add(ChildRun.run(helloCmd, dir, false, null).requireOk("hello world").millis());
        }
        BenchContext.log("figure 6: query %s ms, hello world %s ms", Stats.list(q), Stats.list(h));
        double qm = Stats.median(q);
        double hm = Stats.median(h);
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("6", "cold query --count 10 on 1M rows, wall time", qm, "ms")
            .baseline("java -cp DIR HelloWorld, same JDK, no flags", hm, qm / hm)
            .target("<= 4.5x hello world", qm <= 4.5 * hm)
            .note("medians of " + RUNS + " alternating runs: query " + Stats.list(q) + ", hello " + Stats.list(h)
                + "; native library cache warmed by one untimed run"));
        if (Runtime.version().feature() >= 25) {
            rows.add(aot(ctx, dir, query, hm));
        }
        return rows;
    }

    /** JDK 25 AOT cache: one training run writes it, then the same query runs with it. */
    private static Row aot(BenchContext ctx, Path dir, List<String> query, double helloMs) throws Exception {
        Path cache = dir.resolve("okx-store.aot");
        List<String> train = new ArrayList<>(query);
        train.addAll(1, List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:disable", "-Xlog:all=warning:stderr"));
        ChildRun.run(train, dir, false, null).requireOk("AOT training run");
        List<String> withCache = new ArrayList<>(query);
        withCache.addAll(1, List.of("-XX:AOTCache=" + cache, "-Xlog:disable", "-Xlog:all=warning:stderr"));
        checkQuery(withCache, dir);
        List<Double> a = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            a.add(ChildRun.run(withCache, dir, false, null).requireOk("query with AOT cache").millis());
        }
        double am = Stats.median(a);
        return Row.of("6b", "cold query with JDK 25 AOT cache (opt-in)", am, "ms")
            .baseline("hello world of figure 6", helloMs, am / helloMs)
            .note("-XX:AOTCacheOutput training run, then -XX:AOTCache=... -Xlog:disable -Xlog:all=warning:stderr;"
                + " runs " + Stats.list(a));
    }

    /** The query must print its header and ten rows and nothing else on stdout. */
    private static void checkQuery(List<String> query, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("query.out");
        ChildRun.run(query, dir, false, out).requireOk("query");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (lines.size() != 11 || !lines.get(0).startsWith("ts,")) {
            throw new IllegalStateException("query printed " + lines.size() + " lines, expected a header and 10 rows: "
                + lines.subList(0, Math.min(3, lines.size())));
        }
    }

    /** Compiles HelloWorld into {@code dir} with javax.tools; returns the class directory. */
    static Path helloWorld(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path src = dir.resolve("HelloWorld.java");
        Files.writeString(src, "public class HelloWorld {\n    public static void main(String[] args) {\n"
            + "        System.out.println(\"Hello, world\");\n    }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null || javac.run(null, null, null, "-d", dir.toString(), src.toString()) != 0) {
            throw new IllegalStateException("cannot compile HelloWorld with javax.tools (is this a JDK?)");
        }
        return dir;
    }
}
