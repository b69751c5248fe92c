package okxstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar (system property {@code okxstore.jar}; skipped when absent): a plain merged jar with
 * the right manifest and sqlite's native library, {@code java -jar} output, and the launcher's
 * message on a JDK older than 21. Each run spawns a JVM, so there are few.
 */
class JarIntegrationTest {
    @TempDir
    Path tmp;
    private Path jar;

    /** What a child JVM printed and returned. */
    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void findJar() {
        String p = System.getProperty("okxstore.jar");
        assumeTrue(p != null && Files.isRegularFile(Path.of(p)), "no jar at -Dokxstore.jar");
        jar = Path.of(p);
    }

    private Result runJar(String java, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        // keep the native library cache and any data away from the user's home
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().put("OKX_STORE_HOME", tmp.resolve("data").toString());
        pb.environment().remove("OKX_STORE_CONFIG");
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("java -jar did not finish in 60 s: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String currentJava() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    private String jarVersion() throws IOException {
        try (JarFile j = new JarFile(jar.toFile()); InputStream in = j.getInputStream(j.getEntry("okxstore/version.properties"))) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    @Test
    void version_printsNameAndVersion_andNothingOnStderr() throws Exception {
        Result r = runJar(currentJava(), "--version");
        assertEquals(new Result(0, "okx-store " + jarVersion() + System.lineSeparator(), ""), r);
    }

    @Test
    void help_exitsZero_onStdoutOnly() throws Exception {
        Result r = runJar(currentJava(), "--help");
        assertEquals(0, r.code());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("okx-store - "), r.out());
    }

    @Test
    void olderJdk_getsOneClearLine_andExitOne() throws Exception {
        Optional<Old> old = olderJdk();
        assumeTrue(old.isPresent(), "no JDK older than 21 under /usr/lib/jvm");
        Result r = runJar(old.get().java().toString(), "--version");
        assertEquals(new Result(1, "", "okx-store needs Java 21 or newer (found " + old.get().feature() + ")"
            + System.lineSeparator()), r);
    }

    @Test
    void jar_isAPlainMergedJar_withTheRightManifest() throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            assertNotNull(m);
            assertEquals("okxstore.cli.Launcher", m.getMainAttributes().getValue("Main-Class"));
            assertEquals("ALL-UNNAMED", m.getMainAttributes().getValue("Enable-Native-Access"));
            assertEquals(null, m.getMainAttributes().getValue("Multi-Release"));
            List<String> names = j.stream().map(e -> e.getName()).toList();
            assertFalse(names.stream().anyMatch(n -> n.startsWith("META-INF/versions/")), "META-INF/versions/ in the jar");
            assertFalse(names.stream().anyMatch(n -> n.endsWith("module-info.class")), "module-info.class in the jar");
            assertTrue(names.contains("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so"));
            assertTrue(names.contains("okxstore/cli/Launcher.class"));
            assertTrue(names.contains("okxstore/native.sha256"));
        }
    }

    /** A JDK's java and its feature version. */
    record Old(Path java, int feature) {
    }

    /** A JDK older than 21 under /usr/lib/jvm, by its {@code release} file's JAVA_VERSION. */
    static Optional<Old> olderJdk() throws IOException {
        Path jvm = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvm)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvm)) {
            for (Path d : dirs.sorted().toList()) {
                Path release = d.resolve("release");
                Path java = d.resolve("bin/java");
                if (!Files.isRegularFile(release) || !Files.isExecutable(java)) {
                    continue;
                }
                for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                    if (line.startsWith("JAVA_VERSION=")) {
                        int f = Launcher.feature(line.substring("JAVA_VERSION=".length()).replace("\"", ""));
                        if (f > 0 && f < 21) {
                            return Optional.of(new Old(java, f));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
