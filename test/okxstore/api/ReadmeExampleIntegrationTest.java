package okxstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.fake.FakeMarket;
import okxstore.fake.TruthCheck;

/**
 * The example program of the README's "Using it from Java" section, taken from README.md itself,
 * compiled against the built jar (system property {@code okxstore.jar}; skipped without it) and run
 * in a child JVM against the fake OKX, as an embedder would run it.
 */
class ReadmeExampleIntegrationTest {
    private static final String SECTION = "## Using it from Java";

    @TempDir
    Path tmp;

    /** The first java block after the section heading: the example program. */
    static String example(Path readme) throws Exception {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int section = text.indexOf("\n" + SECTION + "\n");
        assertTrue(section >= 0, "README.md has a section '" + SECTION + "'");
        int start = text.indexOf("```java\n", section);
        int next = text.indexOf("\n## ", section + 1);
        assertTrue(start > 0 && (next < 0 || start < next), "a ```java block in '" + SECTION + "'");
        start += "```java\n".length();
        String code = text.substring(start, text.indexOf("\n```", start) + 1);
        assertTrue(code.contains("public class Example {") && code.contains("public static void main(String[] args)"),
            "the block is a complete program, class Example");
        return code;
    }

    @Test
    void theReadmeExampleCompilesAgainstTheJarAndRunsAgainstTheFakeOkx() throws Exception {
        String jarProperty = System.getProperty("okxstore.jar");
        assumeTrue(jarProperty != null && Files.isRegularFile(Path.of(jarProperty)), "needs the built jar (-Dokxstore.jar)");
        Path jar = Path.of(jarProperty).toAbsolutePath();
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Path source = Files.writeString(src.resolve("Example.java"), example(Path.of("README.md")));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
            List.of("--release", "21", "-Xlint:all", "-Werror", "-cp", jar.toString(), "-d", classes.toString()), null,
            javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source.toFile())).call();
        assertTrue(compiled, "the README example does not compile against the jar:\n" + diagnostics);

        try (FakeMarket market = FakeMarket.realTime(30, Duration.ofMillis(200), "BTC-USDT")) {
            Path data = tmp.resolve("data");
            String java = ProcessHandle.current().info().command().orElseThrow();
            Path out = tmp.resolve("out.txt");
            Path err = tmp.resolve("err.txt");
            Process p = new ProcessBuilder(java, "-Xmx128m", "--enable-native-access=ALL-UNNAMED",
                "-cp", jar + File.pathSeparator + classes, "Example", data.toString(),
                market.config().get("okx.rest.url"), market.config().get("okx.ws.business.url"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the example did not end within 90 s (a thread left running?)\nstdout:\n"
                    + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            String both = "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
            assertEquals(0, p.exitValue(), both);
            assertTrue(stdout.contains("synced BTC-USDT 1m: ") && !stdout.contains("failed"), both);
            assertTrue(stdout.contains("\nlatest "), both);
            assertTrue(stdout.lines().filter(l -> l.startsWith("live ")).count() >= 3, both);
            long lastHour = stdout.lines().filter(l -> l.startsWith("bars in the last hour: "))
                .mapToLong(l -> Long.parseLong(l.substring("bars in the last hour: ".length()))).findFirst().orElse(-1);
            assertTrue(lastHour >= 59, both);
            assertTrue(stdout.contains("BTC-USDT 1m: "), both);
            assertFalse(stderr.contains("restricted method"), "no native-access warning" + both);
            long minute = Bar.M1.openTime(System.currentTimeMillis());
            TruthCheck.assertEqualsTruth(market.rest().truth(), data, "BTC-USDT", Bar.M1, minute - 86_400_000L,
                minute - 60_000);
            assertTrue(TruthCheck.stored(data, InstrumentId.parse("BTC-USDT"), Bar.M1).size() >= 1440);
        }
    }
}
