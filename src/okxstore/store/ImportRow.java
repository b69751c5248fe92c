package okxstore.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.Decimals;
import okxstore.candle.InstrumentId;

/**
 * One row of an exported file to a {@link StoredCandle}, checked field by field: export's columns
 * {@code inst_id,bar,ts,open,high,low,close,vol,vol_ccy,vol_ccy_quote,confirmed,source,updated_at}
 * ({@code ts} ISO-8601 or epoch ms, {@code confirmed} 1/0 or true/false). A file without
 * {@code inst_id}/{@code bar} needs them as options; without {@code source}/{@code updated_at},
 * rows get {@code import} and the file's modification time, so a re-import changes nothing. Stateless.
 */
final class ImportRow {
    static final List<String> EXPORT_COLUMNS = List.of("inst_id", "bar", "ts", "open", "high", "low", "close", "vol",
        "vol_ccy", "vol_ccy_quote", "confirmed", "source", "updated_at");
    /** The columns of {@code query}'s output, which every row needs. */
    static final List<String> REQUIRED = EXPORT_COLUMNS.subList(2, 11);
    static final String DEFAULT_SOURCE = "import";

    /** Which cell holds which column, and whether the line that gave them was a header. */
    record Columns(boolean header, Map<String, Integer> index, int count) {
    }

    private final Optional<InstrumentId> inst;
    private final Optional<Bar> bar;
    private final long defaultUpdatedAt;

    ImportRow(Optional<InstrumentId> inst, Optional<Bar> bar, long defaultUpdatedAt) {
        this.inst = inst;
        this.bar = bar;
        this.defaultUpdatedAt = defaultUpdatedAt;
    }

    /** The columns named by a header line, or implied by the field count of a first data line. */
    Columns columns(String[] cells, String where) throws ImportException {
        Map<String, Integer> index = new HashMap<>();
        boolean header = EXPORT_COLUMNS.contains(cell(cells, 0).toLowerCase(Locale.ROOT));
        if (header) {
            for (int i = 0; i < cells.length; i++) {
                String col = cell(cells, i).toLowerCase(Locale.ROOT);
                if (!EXPORT_COLUMNS.contains(col)) {
                    throw bad(where, "unknown column '" + col + "' (columns: " + String.join(",", EXPORT_COLUMNS)
                        + ")");
                }
                if (index.put(col, i) != null) {
                    throw bad(where, "column '" + col + "' appears twice");
                }
            }
            for (String col : REQUIRED) {
                if (!index.containsKey(col)) {
                    throw bad(where, "no '" + col + "' column");
                }
            }
        } else {
            List<String> order = cells.length == EXPORT_COLUMNS.size() ? EXPORT_COLUMNS
                : cells.length == REQUIRED.size() ? REQUIRED : null;
            if (order == null) {
                throw bad(where, "expected " + EXPORT_COLUMNS.size() + " fields (" + String.join(",", EXPORT_COLUMNS)
                    + ") or a header line, found " + cells.length);
            }
            for (int i = 0; i < order.size(); i++) {
                index.put(order.get(i), i);
            }
        }
        if (!index.containsKey("inst_id") && inst.isEmpty() || !index.containsKey("bar") && bar.isEmpty()) {
            throw bad(where, "the file does not say which instrument and bar: pass --inst ID --bar BAR");
        }
        return new Columns(header, index, cells.length);
    }

    StoredCandle fromCells(Columns columns, String[] cells, String where) throws ImportException {
        if (cells.length != columns.count()) {
            throw bad(where, "expected " + columns.count() + " fields, found " + cells.length);
        }
        return build(col -> {
            Integer i = columns.index().get(col);
            return i == null ? null : cell(cells, i);
        }, where);
    }

    StoredCandle fromJson(Map<?, ?> object, String where) throws ImportException {
        Map<String, String> fields = ImportText.texts(object);
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (!EXPORT_COLUMNS.contains(f.getKey())) {
                throw bad(where, "unknown field '" + f.getKey() + "'");
            }
            if (f.getValue() == null) {
                throw bad(where, "field '" + f.getKey() + "' is null");
            }
        }
        for (String col : REQUIRED) {
            if (!fields.containsKey(col)) {
                throw bad(where, "no '" + col + "' field");
            }
        }
        return build(fields::get, where);
    }

    private StoredCandle build(Function<String, String> field, String where) throws ImportException {
        InstrumentId id = instrument(field.apply("inst_id"), where);
        Bar b = bar(field.apply("bar"), where);
        long ts = time(field.apply("ts"), where);
        Candle candle = new Candle(ts, number(field, "open", where), number(field, "high", where),
            number(field, "low", where), number(field, "close", where), number(field, "vol", where),
            number(field, "vol_ccy", where), number(field, "vol_ccy_quote", where),
            flag(field.apply("confirmed"), where));
        String why = candle.insanity();
        if (why != null) {
            throw bad(where, why);
        }
        String source = field.apply("source");
        if (source != null && source.isBlank()) {
            throw bad(where, "source is empty");
        }
        String updated = field.apply("updated_at");
        long updatedAt = defaultUpdatedAt;
        if (updated != null) {
            try {
                updatedAt = Long.parseLong(updated);
            } catch (NumberFormatException e) {
                throw bad(where, "updated_at '" + updated + "' is not epoch ms");
            }
        }
        return new StoredCandle(id, b, candle, source == null ? DEFAULT_SOURCE : source, updatedAt);
    }

    private InstrumentId instrument(String text, String where) throws ImportException {
        if (text == null) {
            return inst.orElseThrow(() -> bad(where, "no inst_id: pass --inst ID"));
        }
        InstrumentId id;
        try {
            id = InstrumentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad(where, "inst_id: " + e.getMessage());
        }
        if (inst.isPresent() && !inst.get().equals(id)) {
            throw bad(where, "inst_id " + id + " differs from --inst " + inst.get());
        }
        return id;
    }

    private Bar bar(String text, String where) throws ImportException {
        if (text == null) {
            return bar.orElseThrow(() -> bad(where, "no bar: pass --bar BAR"));
        }
        Bar b;
        try {
            b = Bar.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad(where, "bar: " + e.getMessage());
        }
        if (bar.isPresent() && bar.get() != b) {
            throw bad(where, "bar " + b + " differs from --bar " + bar.get());
        }
        return b;
    }

    private static long time(String text, String where) throws ImportException {
        try {
            if (text.matches("-?\\d+")) {
                return Long.parseLong(text);
            }
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException e) {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw bad(where, "ts '" + text + "' is not a time (ISO-8601 such as 2024-03-01T12:00:00Z, or epoch ms)");
        }
    }

    private static double number(Function<String, String> field, String col, String where) throws ImportException {
        String text = field.apply(col);
        try {
            return Decimals.parse(text);
        } catch (NumberFormatException e) {
            throw bad(where, col + " '" + text + "' is not a number");
        }
    }

    private static boolean flag(String text, String where) throws ImportException {
        return switch (text) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw bad(where, "confirmed '" + text + "' is not 1, 0, true or false");
        };
    }

    /** Cell {@code i} without surrounding blanks or double quotes (a spreadsheet may add them). */
    private static String cell(String[] cells, int i) {
        String s = cells[i].strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static ImportException bad(String where, String what) {
        return new ImportException(where + ": " + what);
    }
}
