package okxstore.okx;

import java.math.BigDecimal;
import java.util.Map;

/**
 * OKX's REST envelope as the general JSON parser gives it: {@code code} (a string, or the number
 * of the 404 body, API-NOTES §7.11), {@code msg} and {@code data} (absent in the 50011 body).
 * Immutable.
 */
record Envelope(String code, String msg, Object data) {

    /** The envelope of a parsed body; IllegalArgumentException when the body is not one. */
    static Envelope of(Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String code = scalar(map.get("code"));
        if (code == null) {
            throw new IllegalArgumentException("no code");
        }
        String msg = scalar(map.get("msg"));
        return new Envelope(code, msg == null ? "" : msg, map.get("data"));
    }

    /** A string, or a number as its plain digits; null for anything else. */
    static String scalar(Object value) {
        return switch (value) {
            case String s -> s;
            case Long l -> l.toString();
            case BigDecimal d -> d.toPlainString();
            case null, default -> null;
        };
    }

    boolean ok() {
        return "0".equals(code);
    }
}
