package okxstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The jar is one of many on an application's classpath: outside the command line's package
 * ({@code okxstore.cli}, whose {@code main} owns the process), no code ends the JVM, changes
 * {@code java.util.logging}'s set-up, sets system properties or adds shutdown hooks. Read from the
 * sources (working directory = repo root); comments are skipped.
 */
class LibraryRulesTest {
    private static final List<String> FORBIDDEN = List.of("System.exit(", "Runtime.getRuntime()", "LogManager",
        ".setLevel(", ".addHandler(", ".removeHandler(", "setUseParentHandlers(", "System.setProperty(",
        "System.setOut(", "System.setErr(");

    @Test
    void libraryCodeLeavesTheProcessAndLoggingToTheApplication() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src"))) {
            files = s.filter(p -> p.toString().endsWith(".java") && !p.startsWith(Path.of("src/okxstore/cli"))).toList();
        }
        assertTrue(files.size() > 20, "expected the sources under src/ (run from the repo root)");
        assertTrue(files.contains(Path.of("src/okxstore/OkxStore.java")), "the public API is checked too");
        List<String> offences = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).strip();
                if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                    continue;
                }
                for (String bad : FORBIDDEN) {
                    if (code.contains(bad)) {
                        offences.add(f + ":" + (i + 1) + ": " + code);
                    }
                }
            }
        }
        assertEquals(List.of(), offences, "process or logging changes outside okxstore.cli");
    }
}
