package okxstore.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * {@code import}: merges a data directory, a snapshot (its checksums verified first), one database
 * file, or a file written by {@code export} into a data directory, with the store's upsert rule.
 * Each source file is validated whole before anything of it is written; then rows go in short
 * transactions beside a daemon that may be writing the same files (no lock is taken). Re-running
 * an import changes nothing; a killed one, run again, completes. Single use, one thread.
 */
public final class Import {
    private record Key(InstrumentId id, Bar bar) {
    }

    private final Path dataDir;
    private final ImportOptions options;
    private final InstantSource clock;
    private final ImportListener listener;
    private final Map<Key, long[]> counts = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    public Import(Path dataDir, ImportOptions options, InstantSource clock, ImportListener listener) {
        this.dataDir = dataDir;
        this.options = options;
        this.clock = clock;
        this.listener = listener;
    }

    /** Imports {@code source}: a directory, a {@code .db} file, or a csv/tsv/jsonl/json file. */
    public ImportReport run(Path source) throws IOException {
        Path dir = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
        if (!Files.exists(source)) {
            throw new StoreException(source + ": no such file or directory");
        }
        if (Files.isDirectory(dataDir) && Files.isSameFile(dir, dataDir) && !isText(source)) {
            throw new StoreException(source + " is in the data directory itself: nothing to import");
        }
        if (Files.isDirectory(source)) {
            directory(source);
        } else if (source.getFileName().toString().endsWith(".db")) {
            singleDatabase(source);
        } else {
            text(source);
        }
        List<ImportReport.Series> series = new ArrayList<>();
        counts.forEach((k, c) -> series.add(new ImportReport.Series(k.id(), k.bar(), c[ImportTarget.ADDED],
            c[ImportTarget.REPLACED], c[ImportTarget.UNCHANGED])));
        return new ImportReport(series, failures);
    }

    private static boolean isText(Path source) {
        return Files.isRegularFile(source) && !source.getFileName().toString().endsWith(".db");
    }

    private void directory(Path dir) throws IOException {
        Manifest manifest;
        try {
            manifest = Manifest.read(dir).orElse(null);
        } catch (StoreException e) {
            failures.add(e.getMessage() + ": nothing imported");
            return;
        }
        List<InstrumentId> ids = new DataDir(dir).instruments();
        if (manifest != null) {
            for (ManifestEntry e : manifest.files()) {
                if (!Files.isRegularFile(dir.resolve(e.file()))) {
                    failures.add(dir.resolve(e.file()) + ": listed in MANIFEST.json but missing");
                }
            }
        }
        if (ids.isEmpty() && failures.isEmpty()) {
            failures.add("no database files in " + dir + ": nothing imported");
        }
        for (InstrumentId id : ids) {
            database(dir.resolve(id.fileName()), id, manifest);
        }
    }

    private void singleDatabase(Path file) throws IOException {
        String name = file.getFileName().toString();
        InstrumentId id;
        try {
            id = InstrumentId.parse(name.substring(0, name.length() - ".db".length()));
        } catch (IllegalArgumentException e) {
            failures.add(file + ": cannot tell the instrument from the file name (expected a name like BTC-USDT.db)");
            return;
        }
        Manifest manifest;
        try {
            manifest = Manifest.read(file.toAbsolutePath().getParent()).orElse(null);
        } catch (StoreException e) {
            failures.add(e.getMessage() + ": nothing imported");
            return;
        }
        database(file, id, manifest);
    }

    /** One database file: its checksum (when a manifest lists it), every row validated, then merged. */
    private void database(Path file, InstrumentId id, Manifest manifest) throws IOException {
        listener.reading(file);
        Optional<ManifestEntry> entry = manifest == null ? Optional.empty()
            : manifest.entry(file.getFileName().toString());
        if (entry.isPresent() && !Manifest.sha256(file).equals(entry.get().sha256())) {
            failures.add(file + ": SHA-256 does not match MANIFEST.json (the file is damaged or was changed):"
                + " nothing imported from it");
            return;
        }
        if (manifest != null && entry.isEmpty()) {
            listener.warning(file + ": not listed in MANIFEST.json, imported without a checksum check");
        }
        try (ImportDatabase source = new ImportDatabase(file);
             ImportTarget target = new ImportTarget(dataDir, id, options.dryRun(), clock)) {
            ImportCheck.database(source, id, target, options.chunkRows());
            merge(source, id, target, true);
            place(target);
        } catch (StoreException e) {
            failures.add(e.getMessage());
        }
    }

    /** Rows page by page, one transaction each, then holes and sync state; {@code count}: report the rows. */
    private void merge(ImportDatabase source, InstrumentId id, ImportTarget target, boolean count)
        throws StoreException {
        TreeSet<Bar> bars = new TreeSet<>(source.bars());
        for (Bar bar : bars) {
            long after = Long.MIN_VALUE;
            for (List<StoredCandle> page; !(page = source.page(id, bar, after, options.chunkRows())).isEmpty(); ) {
                long[] c = target.apply(bar, page);
                if (count) {
                    add(new Key(id, bar), c);
                }
                after = page.get(page.size() - 1).ts();
            }
        }
        bars.addAll(source.stateBars());
        for (Bar bar : bars) {
            target.mergeState(bar, source.holes(bar), source.syncState(bar));
        }
    }

    /** Puts a new file in place; if the daemon created it meanwhile, merges what was built into that one. */
    private void place(ImportTarget target) throws StoreException {
        if (target.finish()) {
            return;
        }
        try (ImportDatabase built = new ImportDatabase(target.temp());
             ImportTarget live = new ImportTarget(dataDir, target.id(), false, clock)) {
            merge(built, target.id(), live, false);
            live.finish();
        }
    }

    private void text(Path file) throws IOException {
        listener.reading(file);
        Map<InstrumentId, ImportTarget> targets = new LinkedHashMap<>();
        try {
            validateText(file, targets);
            Map<Key, List<StoredCandle>> buffers = new LinkedHashMap<>();
            try (ImportText text = ImportText.open(file, options)) {
                for (StoredCandle row; (row = text.next()) != null; ) {
                    Key key = new Key(row.id(), row.bar());
                    List<StoredCandle> buffer = buffers.computeIfAbsent(key, k -> new ArrayList<>());
                    buffer.add(row);
                    if (buffer.size() >= options.chunkRows()) {
                        flush(targets, key, buffer);
                    }
                }
            }
            for (Map.Entry<Key, List<StoredCandle>> b : buffers.entrySet()) {
                flush(targets, b.getKey(), b.getValue());
            }
            for (ImportTarget t : targets.values()) {
                place(t);
            }
        } catch (StoreException e) {
            failures.add(e.getMessage());
        } finally {
            targets.values().forEach(ImportTarget::close);
        }
    }

    /** The first pass: every row of the file is read and checked before anything is written. */
    private void validateText(Path file, Map<InstrumentId, ImportTarget> targets) throws IOException {
        Map<Key, VerifyGrid> grids = new HashMap<>();
        try (ImportText text = ImportText.open(file, options)) {
            for (StoredCandle row; (row = text.next()) != null; ) {
                Key key = new Key(row.id(), row.bar());
                VerifyGrid grid = grids.get(key);
                if (grid == null) {
                    grid = ImportCheck.grid(target(targets, row.id()), row.bar(), OptionalLong.of(row.ts()));
                    grids.put(key, grid);
                }
                if (!grid.isOn(row.ts())) {
                    throw new ImportException(text.where() + ": ts " + Instant.ofEpochMilli(row.ts()) + " is not "
                        + grid.describe());
                }
            }
        }
    }

    private void flush(Map<InstrumentId, ImportTarget> targets, Key key, List<StoredCandle> rows)
        throws StoreException {
        if (!rows.isEmpty()) {
            add(key, target(targets, key.id()).apply(key.bar(), rows));
            rows.clear();
        }
    }

    private ImportTarget target(Map<InstrumentId, ImportTarget> targets, InstrumentId id) {
        return targets.computeIfAbsent(id, i -> new ImportTarget(dataDir, i, options.dryRun(), clock));
    }

    private void add(Key key, long[] c) {
        long[] total = counts.computeIfAbsent(key, k -> new long[c.length]);
        long rows = 0;
        for (int i = 0; i < c.length; i++) {
            total[i] += c[i];
            rows += total[i];
        }
        listener.committed(key.id(), key.bar(), rows);
    }
}
