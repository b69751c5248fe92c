package okxstore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config-example.properties (repo root, the working directory) documents every key of {@link Keys}
 * with its default and meaning, and loads cleanly once its commented-out settings are uncommented.
 */
class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("config-example.properties");
    /** A commented-out setting: {@code #key=value}, no blank after the hash (meaning lines have one). */
    private static final Pattern SETTING = Pattern.compile("#([a-z][A-Za-z0-9.\\-]*)=(.*)");

    @TempDir
    Path dir;

    private static List<String> lines() throws IOException {
        return Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
    }

    static String example(Key k) {
        return k.name().replace("<ID>", "BTC-USDT").replace("<BAR>", "1m");
    }

    @Test
    void everyKey_appearsWithItsDefault_underItsMeaning() throws IOException {
        List<String> lines = lines();
        for (Key k : Keys.all()) {
            String setting = "#" + example(k) + "=" + k.defaultValue();
            int at = lines.indexOf(setting);
            assertTrue(at >= 0, "config-example.properties lacks the line " + setting);
            StringBuilder comment = new StringBuilder();
            for (int i = at - 1; i >= 0 && lines.get(i).startsWith("# "); i--) {
                comment.insert(0, lines.get(i).substring(2) + " ");
            }
            assertTrue(comment.toString().contains(k.meaning()),
                "the comment above " + setting + " should say: " + k.meaning());
        }
    }

    @Test
    void everySettingInTheExample_isAKnownKey_shownOnce() throws IOException {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String line : lines()) {
            Matcher m = SETTING.matcher(line);
            if (m.matches()) {
                assertTrue(Keys.lookup(m.group(1)).isPresent(), "unknown key in the example: " + line);
                assertEquals(null, seen.put(m.group(1), m.group(2)), "shown twice: " + m.group(1));
            }
        }
        assertEquals(Keys.all().stream().map(ExampleConfigTest::example).toList(), List.copyOf(seen.keySet()),
            "the example documents the keys in the catalog's order");
    }

    @Test
    void uncommented_itLoadsWithoutError_andGivesTheDefaults() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : lines()) {
            out.add(SETTING.matcher(line).matches() ? line.substring(1) : line);
        }
        Path file = Files.write(dir.resolve("okx-store.properties"), out, StandardCharsets.UTF_8);
        Config c = Config.load(file, true, Map.of(), Map.of());
        assertEquals(Keys.all().size(), c.fileValues().size());
        for (Key k : Keys.all()) {
            assertEquals(k.defaultValue(), c.get(example(k)), k.name());
        }
        Settings s = Settings.resolve(file, dir, Map.of(), Map.of());
        assertEquals(3, s.instruments().size());
        assertEquals(Settings.resolve(null, dir.resolve("empty"), Map.of(), Map.of()).instruments(), s.instruments());
    }
}
