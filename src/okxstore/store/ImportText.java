package okxstore.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okxstore.json.Json;
import okxstore.json.JsonException;

/**
 * Reads the candles of a file written by {@code export}: csv or tsv (with a header line, or
 * without one in export's column order), jsonl, or a json array. Each row is checked as it is
 * read; a bad one is an {@link ImportException} naming the file and line. Used by one thread.
 */
final class ImportText implements AutoCloseable {
    enum Kind { CSV, TSV, JSONL, JSON }

    private final String name;
    private final Kind kind;
    private final ImportRow rows;
    private final BufferedReader in;
    private final Iterator<?> elements;
    private ImportRow.Columns columns;
    private long line;
    private long element;

    private ImportText(String name, Kind kind, ImportRow rows, BufferedReader in, Iterator<?> elements) {
        this.name = name;
        this.kind = kind;
        this.rows = rows;
        this.in = in;
        this.elements = elements;
    }

    /** Opens {@code file}; its kind comes from the extension, else from its first character. */
    static ImportText open(Path file, ImportOptions options) throws IOException {
        String name = file.toString();
        ImportRow rows = new ImportRow(options.inst(), options.bar(), Files.getLastModifiedTime(file).toMillis());
        Kind kind = kind(file);
        if (kind == Kind.JSON) {
            Object doc;
            try {
                doc = Json.parse(Files.readAllBytes(file));
            } catch (JsonException e) {
                throw new ImportException(name + ": not JSON: " + e.getMessage());
            }
            if (!(doc instanceof List<?> list)) {
                throw new ImportException(name + ": a .json file must hold an array of candles");
            }
            return new ImportText(name, kind, rows, null, list.iterator());
        }
        return new ImportText(name, kind, rows, Files.newBufferedReader(file, StandardCharsets.UTF_8), null);
    }

    private static Kind kind(Path file) throws IOException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Kind.JSONL;
        }
        if (lower.endsWith(".json")) {
            return Kind.JSON;
        }
        if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return Kind.TSV;
        }
        if (lower.endsWith(".csv")) {
            return Kind.CSV;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String s; (s = r.readLine()) != null; ) {
                s = s.replace("\uFEFF", "").strip();
                if (!s.isEmpty()) {
                    return s.startsWith("{") ? Kind.JSONL : s.startsWith("[") ? Kind.JSON
                        : s.indexOf('\t') >= 0 && s.indexOf(',') < 0 ? Kind.TSV : Kind.CSV;
                }
            }
        }
        return Kind.CSV;
    }

    /** Where the row last returned came from: {@code FILE line N} (or {@code element N} of a json array). */
    String where() {
        return name + (kind == Kind.JSON ? " element " + element : " line " + line);
    }

    /** The next candle, or null at the end. */
    StoredCandle next() throws IOException {
        if (kind == Kind.JSON) {
            if (!elements.hasNext()) {
                return null;
            }
            element++;
            if (!(elements.next() instanceof Map<?, ?> object)) {
                throw new ImportException(where() + ": not a JSON object");
            }
            return rows.fromJson(object, where());
        }
        for (String s; (s = in.readLine()) != null; ) {
            line++;
            if (line == 1) {
                s = s.replace("\uFEFF", "");
            }
            if (s.isBlank()) {
                continue;
            }
            if (kind == Kind.JSONL) {
                Object value;
                try {
                    value = Json.parse(s);
                } catch (JsonException e) {
                    throw new ImportException(where() + ": not JSON: " + e.getMessage());
                }
                if (!(value instanceof Map<?, ?> object)) {
                    throw new ImportException(where() + ": not a JSON object");
                }
                return rows.fromJson(object, where());
            }
            String[] cells = s.split(kind == Kind.TSV ? "\t" : ",", -1);
            if (columns == null) {
                columns = rows.columns(cells, where());
                if (columns.header()) {
                    continue;
                }
            }
            return rows.fromCells(columns, cells, where());
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }

    /** Field names to values, as the JSON forms hold them. */
    static Map<String, String> texts(Map<?, ?> object) {
        Map<String, String> m = new HashMap<>();
        object.forEach((k, v) -> m.put(String.valueOf(k), v == null ? null : v.toString()));
        return m;
    }
}
