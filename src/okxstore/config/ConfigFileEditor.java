package okxstore.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Edits a properties file in place, keeping its comments and order: sets keys (replacing their
 * line or appending one) and removes keys, then writes the file atomically (temporary file, rename)
 * so a daemon watching it never reads half a file.
 */
public final class ConfigFileEditor {
    private ConfigFileEditor() {
    }

    public static void edit(Path file, Map<String, String> set, Set<String> remove) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
        Map<String, String> pending = new LinkedHashMap<>(set);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String key = keyOf(line);
            if (key == null) {
                out.add(line);
            } else if (remove.contains(key)) {
                continue;
            } else if (pending.containsKey(key)) {
                out.add(key + "=" + escape(pending.remove(key)));
            } else {
                out.add(line);
            }
        }
        if (lines.isEmpty() && !pending.isEmpty()) {
            out.add("# okx-store configuration (see config-example.properties for every key)");
        }
        pending.forEach((k, v) -> out.add(k + "=" + escape(v)));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".okx-store", ".properties.tmp");
        try {
            Files.write(tmp, out, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The key of a simple {@code key=value} or {@code key: value} line, or null for comments and blanks. */
    static String keyOf(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#") || s.startsWith("!")) {
            return null;
        }
        int end = 0;
        while (end < s.length() && "=: \t".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return s.substring(0, end);
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
