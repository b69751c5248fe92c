package okxstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * House rules read from the sources (working directory = repo root): stdout and stderr belong to
 * the command line's Main, Launcher and LogSetup only, and no Java file grows past 400 lines.
 */
class SourceRulesTest {
    private static final Set<String> MAY_PRINT = Set.of(
        "src/okxstore/cli/Main.java", "src/okxstore/cli/Launcher.java", "src/okxstore/cli/LogSetup.java");
    private static final List<String> FORBIDDEN = List.of("System.out", "System.err", "printStackTrace(");
    private static final int MAX_LINES = 400;

    @Test
    void onlyMainLauncherAndLogSetup_writeToStdoutOrStderr() throws IOException {
        List<String> offences = new ArrayList<>();
        List<Path> files = javaFiles(Path.of("src"));
        assertTrue(files.size() > 20, "expected the sources under src/ (run from the repo root)");
        for (Path f : files) {
            String rel = f.toString().replace('\\', '/');
            if (MAY_PRINT.contains(rel)) {
                continue;
            }
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (String bad : FORBIDDEN) {
                    if (lines.get(i).contains(bad)) {
                        offences.add(rel + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), offences, "stdout/stderr/printStackTrace outside Main, Launcher, LogSetup");
    }

    @Test
    void noJavaFileIsOver400Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        List<Path> files = new ArrayList<>(javaFiles(Path.of("src")));
        files.addAll(javaFiles(Path.of("test")));
        for (Path f : files) {
            long n;
            try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
                n = lines.count();
            }
            if (n > MAX_LINES) {
                tooLong.add(f + ": " + n + " lines");
            }
        }
        assertEquals(List.of(), tooLong, "files over " + MAX_LINES + " lines: split them along a seam");
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
