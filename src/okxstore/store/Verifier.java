package okxstore.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * {@code verify}: integrity, schema, checksums (when the directory holds {@code MANIFEST.json}),
 * continuity and candle sanity of a data directory or snapshot. Opens every file read-only and
 * writes nothing, so it works on read-only media and beside a daemon. Stateless.
 */
public final class Verifier {
    /** Gaps listed per bar in a report; all of them are counted. */
    public static final int LISTED_GAPS = 100;

    private Verifier() {
    }

    /** Verifies the databases of {@code ids} in {@code dir}, or every database there when {@code ids} is empty. */
    public static VerifyReport verify(Path dir, List<InstrumentId> ids) throws StoreException {
        List<VerifyReport.Problem> problems = new ArrayList<>();
        Manifest manifest = null;
        try {
            manifest = Manifest.read(dir).orElse(null);
        } catch (StoreException e) {
            problems.add(problem(VerifyReport.Kind.MANIFEST, Manifest.FILE_NAME, e.getMessage()));
        }
        boolean hasManifest = Files.exists(dir.resolve(Manifest.FILE_NAME));
        List<InstrumentId> todo = new ArrayList<>();
        if (ids.isEmpty()) {
            todo.addAll(instruments(dir));
            leftovers(dir, problems);
            if (manifest != null) {
                for (ManifestEntry e : manifest.files()) {
                    if (!Files.isRegularFile(dir.resolve(e.file()))) {
                        problems.add(problem(VerifyReport.Kind.MISSING_FILE, e.file(),
                            "listed in MANIFEST.json but missing"));
                    }
                }
            }
            if (todo.isEmpty()) {
                problems.add(problem(VerifyReport.Kind.NO_DATABASES, null, "no database files in " + dir));
            }
        } else {
            for (InstrumentId id : ids) {
                if (Files.isRegularFile(dir.resolve(id.fileName()))) {
                    todo.add(id);
                } else {
                    problems.add(problem(VerifyReport.Kind.MISSING_FILE, id.fileName(),
                        "no database for " + id + " in " + dir));
                }
            }
        }
        List<VerifyReport.FileResult> files = new ArrayList<>();
        for (InstrumentId id : todo) {
            Optional<ManifestEntry> entry = manifest == null ? Optional.empty() : manifest.entry(id.fileName());
            files.add(file(dir, id, entry, hasManifest, problems));
        }
        return new VerifyReport(dir, hasManifest, files, problems);
    }

    private static List<InstrumentId> instruments(Path dir) throws StoreException {
        try {
            return new DataDir(dir).instruments();
        } catch (IOException e) {
            throw new StoreException(dir + ": cannot list the directory: " + e.getMessage(), e);
        }
    }

    /** Temporary files of an interrupted snapshot or import: never taken for databases, but worth saying. */
    private static void leftovers(Path dir, List<VerifyReport.Problem> problems) throws StoreException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (SnapshotFiles.isTemp(name)) {
                    problems.add(problem(VerifyReport.Kind.LEFTOVER_TEMP, name, "temporary file of an interrupted (or"
                        + " running) snapshot or import, not a database of this directory: run that command again"));
                }
            }
        } catch (IOException e) {
            throw new StoreException(dir + ": cannot list the directory: " + e.getMessage(), e);
        }
    }

    private static VerifyReport.FileResult file(Path dir, InstrumentId id, Optional<ManifestEntry> entry,
                                                boolean hasManifest, List<VerifyReport.Problem> problems) {
        String name = id.fileName();
        Path path = dir.resolve(name);
        String checksum = "none";
        if (entry.isPresent()) {
            try {
                // hashed before any connection to it is open: plain I/O would drop SQLite's locks (PITFALLS)
                checksum = Manifest.sha256(path).equals(entry.get().sha256()) ? "ok" : "mismatch";
            } catch (IOException e) {
                problems.add(problem(VerifyReport.Kind.UNREADABLE, name, "cannot be read: " + e.getMessage()));
                return new VerifyReport.FileResult(name, id, "unreadable", 0, "unreadable", OptionalLong.empty(),
                    List.of());
            }
            if (checksum.equals("mismatch")) {
                problems.add(problem(VerifyReport.Kind.CHECKSUM, name,
                    "SHA-256 differs from MANIFEST.json: the file is damaged or was changed after the snapshot"));
            }
        } else if (hasManifest) {
            checksum = "unlisted";
            problems.add(problem(VerifyReport.Kind.UNLISTED, name,
                "not listed in MANIFEST.json: its checksum cannot be checked"));
        }
        String integrity = "unreadable";
        int version = 0;
        OptionalLong writtenAt = OptionalLong.empty();
        List<VerifyReport.SeriesResult> series = new ArrayList<>();
        try (Connection c = Database.openReader(path)) {
            integrity = integrity(c);
            if (!integrity.equals("ok")) {
                problems.add(problem(VerifyReport.Kind.INTEGRITY, name, "integrity_check: " + integrity));
            }
            version = Database.userVersion(c);
            schema(c, name, id, version, problems);
            List<Bar> bars = ManifestEntry.tables(c);
            writtenAt = entry.isPresent() ? OptionalLong.of(entry.get().snapshotAt()) : newestUpdate(c, bars);
            for (Bar bar : bars) {
                series.add(VerifyTable.check(c, name, id, bar, writtenAt, problems));
            }
        } catch (SQLException e) {
            problems.add(problem(VerifyReport.Kind.UNREADABLE, name, "cannot be read: " + e.getMessage()));
        }
        return new VerifyReport.FileResult(name, id, integrity, version, checksum, writtenAt, series);
    }

    /** {@code ok}, or SQLite's first complaint and how many there were. */
    private static String integrity(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("PRAGMA integrity_check"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        if (lines.equals(List.of("ok"))) {
            return "ok";
        }
        if (lines.isEmpty()) {
            return "no answer";
        }
        return lines.get(0) + (lines.size() > 1 ? " (and " + (lines.size() - 1) + " more)" : "");
    }

    private static void schema(Connection c, String name, InstrumentId id, int version,
                               List<VerifyReport.Problem> problems) throws SQLException {
        if (version == 0) {
            problems.add(problem(VerifyReport.Kind.SCHEMA, name, "schema version 0: not an okx-store database"));
        } else if (version > Schema.CURRENT_VERSION) {
            problems.add(problem(VerifyReport.Kind.SCHEMA, name, "schema version " + version + " is newer than this"
                + " okx-store knows (" + Schema.CURRENT_VERSION + "): checked what it could, use a newer okx-store"));
        }
        if (Database.hasTable(c, "meta")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = 'inst_id'");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next() && !id.value().equals(rs.getString(1))) {
                    problems.add(problem(VerifyReport.Kind.SCHEMA, name, "holds " + rs.getString(1) + " (its meta table"
                        + " says so), not " + id + ": the file was renamed"));
                }
            }
        }
    }

    /** When the file was last written, as far as its rows tell: the newest {@code updated_at}. */
    private static OptionalLong newestUpdate(Connection c, List<Bar> bars) throws SQLException {
        OptionalLong newest = OptionalLong.empty();
        for (Bar bar : bars) {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(updated_at) FROM " + bar.tableName());
                 ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : 0;
                if (!rs.wasNull() && (newest.isEmpty() || v > newest.getAsLong())) {
                    newest = OptionalLong.of(v);
                }
            }
        }
        return newest;
    }

    private static VerifyReport.Problem problem(VerifyReport.Kind kind, String file, String message) {
        return new VerifyReport.Problem(kind, file, null, null, message);
    }
}
