package okxstore.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okxstore.json.Json;
import okxstore.json.JsonException;

/**
 * {@code MANIFEST.json} of a snapshot directory: one {@link ManifestEntry} per database file, sorted
 * by file name. Written atomically after the files it lists; read by {@code import} and
 * {@code verify} to check each file's SHA-256. Immutable.
 */
public record Manifest(long createdAt, List<ManifestEntry> files) {
    public static final String FILE_NAME = "MANIFEST.json";
    static final String FORMAT = "okx-store snapshot";

    public Manifest {
        files = files.stream().sorted(Comparator.comparing(ManifestEntry::file)).toList();
    }

    /** The entry of a file name such as {@code BTC-USDT.db}. */
    public Optional<ManifestEntry> entry(String fileName) {
        return files.stream().filter(e -> e.file().equals(fileName)).findFirst();
    }

    /** This manifest without the entries of {@code fileNames}. */
    Manifest without(List<String> fileNames) {
        return new Manifest(createdAt, files.stream().filter(e -> !fileNames.contains(e.file())).toList());
    }

    /** The manifest of {@code dir}, or empty when it has none; a manifest that cannot be read is an error. */
    public static Optional<Manifest> read(Path dir) throws StoreException {
        Path file = dir.resolve(FILE_NAME);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException(FILE_NAME + ": cannot read it: " + e.getMessage(), e);
        }
        try {
            if (!(Json.parse(bytes) instanceof Map<?, ?> doc) || !FORMAT.equals(doc.get("format"))) {
                throw new IllegalArgumentException("not an okx-store snapshot manifest");
            }
            if (!(doc.get("files") instanceof List<?> list)) {
                throw new IllegalArgumentException("'files' is not a list");
            }
            List<ManifestEntry> entries = new ArrayList<>();
            for (Object o : list) {
                entries.add(ManifestEntry.fromJson(o));
            }
            long created = doc.get("created_at") instanceof String s ? Instant.parse(s).toEpochMilli() : 0;
            return Optional.of(new Manifest(created, entries));
        } catch (JsonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new StoreException(FILE_NAME + " in " + dir + " is damaged: " + e.getMessage(), e);
        }
    }

    /** Writes {@code dir/MANIFEST.json} atomically: one line per file, so that it also reads well. */
    void write(Path dir) throws IOException {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("format", FORMAT);
        head.put("created_at", Instant.ofEpochMilli(createdAt).toString());
        String start = Json.write(head);
        StringBuilder sb = new StringBuilder(start.substring(0, start.length() - 1)).append(",\"files\":[");
        for (int i = 0; i < files.size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n").append(Json.write(files.get(i).toJson()));
        }
        sb.append(files.isEmpty() ? "]}\n" : "\n]}\n");
        SnapshotFiles.writeAtomically(dir.resolve(FILE_NAME), sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The SHA-256 of a file as lower-case hex. Opening and closing a database with plain Java I/O
     * drops this process's SQLite locks on it: call it only when no connection has the file open.
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
