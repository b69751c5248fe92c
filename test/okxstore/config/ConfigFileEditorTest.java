package okxstore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing the config file in place: comments and order kept, keys replaced, appended or removed, atomically. */
class ConfigFileEditorTest {
    @TempDir
    Path dir;

    @Test
    void keepsComments_replacesInPlace_appendsNew_removes() throws IOException {
        Path f = dir.resolve("okx-store.properties");
        Files.writeString(f, """
            # my settings
            instruments=BTC-USDT

            ! keep me too
            realtime.mode : polling
            instrument.ETH-USDT.timeframes=1m
            log.level=FINE
            """);
        Map<String, String> set = new LinkedHashMap<>();
        set.put("instruments", "BTC-USDT,XRP-USDT");
        set.put("instrument.XRP-USDT.timeframes", "1m,1H");
        ConfigFileEditor.edit(f, set, Set.of("instrument.ETH-USDT.timeframes"));
        assertEquals(List.of(
            "# my settings",
            "instruments=BTC-USDT,XRP-USDT",
            "",
            "! keep me too",
            "realtime.mode : polling",
            "log.level=FINE",
            "instrument.XRP-USDT.timeframes=1m,1H"), Files.readAllLines(f));
        assertEquals("BTC-USDT,XRP-USDT", Config.load(f, true, Map.of(), Map.of()).get("instruments"));
    }

    @Test
    void createsTheFileAndItsDirectory_withAHeader() throws IOException {
        Path f = dir.resolve("new/dir/okx-store.properties");
        ConfigFileEditor.edit(f, Map.of("ws.enabled", "false"), Set.of());
        assertEquals(List.of("# okx-store configuration (see config-example.properties for every key)", "ws.enabled=false"),
            Files.readAllLines(f));
    }

    @Test
    void valuesAreEscaped_soTheyReadBackTheSame() throws IOException {
        Path f = dir.resolve("okx-store.properties");
        ConfigFileEditor.edit(f, Map.of("log.file", "C:\\logs\\okx.log"), Set.of());
        assertEquals("C:\\logs\\okx.log", Config.load(f, true, Map.of(), Map.of()).get("log.file"));
    }

    @Test
    void removingTheOnlyKeys_leavesComments_andLeavesNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("okx-store.properties");
        Files.writeString(f, "# header\nokx.demo=true\n");
        ConfigFileEditor.edit(f, Map.of(), Set.of("okx.demo"));
        assertEquals(List.of("# header"), Files.readAllLines(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void keyOf_simpleLines() {
        assertEquals("a.b", ConfigFileEditor.keyOf("a.b=c"));
        assertEquals("a.b", ConfigFileEditor.keyOf("  a.b : c"));
        assertEquals("a.b", ConfigFileEditor.keyOf("a.b c"));
        assertEquals("a.b", ConfigFileEditor.keyOf("a.b"));
        assertNull(ConfigFileEditor.keyOf("# a.b=c"));
        assertNull(ConfigFileEditor.keyOf("! a.b=c"));
        assertNull(ConfigFileEditor.keyOf("   "));
    }
}
