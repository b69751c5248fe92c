package okxstore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

import org.sqlite.util.OSInfo;

/**
 * Saves sqlite-jdbc's start-up cost: instead of extracting its native library to the temp
 * directory on every run, the command line extracts it once into the user's cache directory
 * (one folder per library checksum, written under a temporary name and renamed, so two processes
 * starting at once are safe), verifies it against the checksum the build recorded before each
 * use, and points sqlite-jdbc at it. Any trouble (read-only cache, unknown platform) leaves
 * sqlite-jdbc's normal path in place. Called only from {@code main}: library code never sets these
 * system properties.
 */
final class NativeLibraryCache {
    private NativeLibraryCache() {
    }

    static void prepare(Map<String, String> env) {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            String folder = platformFolder();
            String name = System.mapLibraryName("sqlitejdbc");
            String resource = "org/sqlite/native/" + folder + "/" + name;
            String expected = expectedSha256(resource);
            if (expected == null) {
                return;
            }
            Path dir = cacheRoot(env).resolve("sqlite-" + expected.substring(0, 16));
            Path lib = dir.resolve(name);
            if (!(Files.isRegularFile(lib) && expected.equals(sha256(lib)))) {
                extract(resource, dir, lib, expected);
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // fall back to sqlite-jdbc's own extraction
        }
    }

    /**
     * sqlite-jdbc's folder for this platform. On glibc Linux x86_64 and aarch64 it is worked out
     * here; sqlite-jdbc's own check spawns {@code uname}, which costs a cold start tens of ms.
     */
    static String platformFolder() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> null;
        };
        if (os.equals("Linux") && cpu != null && !musl()) {
            return "Linux/" + cpu;
        }
        return OSInfo.getNativeLibFolderPathForCurrentOS();
    }

    private static boolean musl() {
        String[] lib = new java.io.File("/lib").list((d, name) -> name.startsWith("ld-musl-"));
        return lib != null && lib.length > 0 || System.getProperty("java.vendor", "").contains("Alpine");
    }

    static Path cacheRoot(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "okx-store");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "okx-store");
    }

    private static String expectedSha256(String resource) throws IOException {
        try (InputStream in = NativeLibraryCache.class.getResourceAsStream("/okxstore/native.sha256")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(resource);
        }
    }

    private static void extract(String resource, Path dir, Path lib, String expected) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".lib", ".tmp");
        try {
            try (InputStream in = NativeLibraryCache.class.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    throw new IOException("no " + resource + " in the jar");
                }
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!expected.equals(sha256(tmp))) {
                throw new IOException("checksum mismatch for " + resource);
            }
            try {
                Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
