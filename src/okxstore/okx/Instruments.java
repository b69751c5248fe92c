package okxstore.okx;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import okxstore.candle.Instrument;
import okxstore.candle.InstrumentId;

/**
 * {@code /public/instruments} for one id (API-NOTES §5): the instrument type inferred from the
 * id's shape, the query, and the entry read from the general parser's values. Unknown fields
 * (and their odd types: {@code instIdCode} integer, {@code futureSettlement} boolean) are ignored.
 * Pure functions, thread-safe.
 */
final class Instruments {
    private static final int EXPIRY_DIGITS = 6;

    private Instruments() {
    }

    /**
     * OKX's type of an id: {@code X-Y} SPOT, {@code X-Y-SWAP} SWAP, {@code X-Y-YYMMDD} FUTURES,
     * {@code X-Y-YYMMDD-STRIKE-C|P} OPTION; empty for any other shape, which OKX does not list.
     */
    static Optional<String> typeOf(InstrumentId id) {
        String[] parts = id.value().split("-");
        if (parts.length == 2) {
            return Optional.of("SPOT");
        }
        if (parts.length == 3 && parts[2].equals("SWAP")) {
            return Optional.of("SWAP");
        }
        if (parts.length == 3 && isExpiry(parts[2])) {
            return Optional.of("FUTURES");
        }
        if (parts.length == 5 && isExpiry(parts[2]) && parts[3].chars().allMatch(Character::isDigit)
            && (parts[4].equals("C") || parts[4].equals("P"))) {
            return Optional.of("OPTION");
        }
        return Optional.empty();
    }

    /** The query for one instrument; options need their family ({@code X-Y}), API-NOTES §5. */
    static String query(InstrumentId id, String type) {
        String q = "instType=" + type + "&instId=" + id.value();
        if (type.equals("OPTION")) {
            String[] parts = id.value().split("-");
            q += "&instFamily=" + parts[0] + "-" + parts[1];
        }
        return q;
    }

    /** The entry for {@code id} in {@code data}, empty when it is not listed; IllegalArgumentException on a bad shape. */
    static Optional<Instrument> parse(InstrumentId id, String type, Object data) {
        if (!(data instanceof List<?> entries)) {
            throw new IllegalArgumentException("data is not an array");
        }
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException("an instrument is not an object");
            }
            if (id.value().equals(fields.get("instId"))) {
                String instType = Envelope.scalar(fields.get("instType"));
                String state = Envelope.scalar(fields.get("state"));
                return Optional.of(new Instrument(id, instType == null || instType.isEmpty() ? type : instType,
                    state == null ? "" : state, millis(fields, "listTime"), millis(fields, "expTime")));
            }
        }
        return Optional.empty();
    }

    /** A time field: epoch ms as a string or number; absent or empty is 0. */
    private static long millis(Map<?, ?> fields, String key) {
        Object value = fields.get(key);
        String text = Envelope.scalar(value);
        if (value == null || "".equals(text)) {
            return 0;
        }
        long ms = text == null ? -1 : FastDecimal.parseMillis(text);
        if (ms < 0) {
            throw new IllegalArgumentException(key + " is not epoch ms: " + value);
        }
        return ms;
    }

    private static boolean isExpiry(String part) {
        return part.length() == EXPIRY_DIGITS && part.chars().allMatch(Character::isDigit);
    }
}
