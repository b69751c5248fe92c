package okxstore.okx;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import okxstore.candle.ExchangeException;
import okxstore.candle.ExchangeException.Kind;

/**
 * OKX's answers mapped to {@link ExchangeException}s (API-NOTES §4): the HTTP status and the
 * envelope's {@code code} together decide the {@link Kind}; messages read
 * {@code history-candles BTC-USDT 1m: 51000 Parameter bar error}. Pure functions, thread-safe.
 */
final class OkxErrors {
    private static final int EXCERPT_CHARS = 80;

    private OkxErrors() {
    }

    /** The kind of failure an answer is, or null when it is a success (HTTP 2xx and code "0"). */
    static Kind kind(int status, String code) {
        boolean okStatus = status >= 200 && status < 300;
        if ("0".equals(code) && okStatus) {
            return null;
        }
        Kind byCode = switch (code == null ? "" : code) {
            case "51001" -> Kind.UNKNOWN_INSTRUMENT;
            case "50011", "50013", "50040" -> Kind.RATE_LIMITED;
            case "50001", "50004", "50026" -> Kind.UNAVAILABLE;
            case "51000", "50014" -> Kind.BAD_REQUEST;
            default -> null;
        };
        if (byCode != null) {
            return byCode;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        if (status >= 500) {
            return Kind.UNAVAILABLE;
        }
        return Kind.BAD_REQUEST; // any other refusal: 4xx, 3xx, or an OKX code we do not know on HTTP 200
    }

    /** Throws the exception an envelope's code and message stand for, or returns when they are a success. */
    static void check(String context, int status, String code, String msg) throws ExchangeException {
        Kind kind = kind(status, code);
        if (kind != null) {
            String shownCode = code == null || code.isEmpty() || "0".equals(code) ? "HTTP " + status : code;
            String text = msg == null || msg.isEmpty() ? "" : " " + msg;
            throw new ExchangeException(kind, code == null || code.isEmpty() ? Integer.toString(status) : code,
                context + ": " + shownCode + text);
        }
    }

    /** A body that is not OKX's JSON (an HTML page from a proxy, a truncated text). */
    static ExchangeException unparsable(String context, int status, String body, RuntimeException cause) {
        Kind kind = status == 429 ? Kind.RATE_LIMITED : Kind.MALFORMED;
        return new ExchangeException(kind, Integer.toString(status), context + ": malformed answer (HTTP " + status
            + "): " + cause.getMessage() + " in \"" + excerpt(body) + "\"", cause);
    }

    /** The network failed: refused, reset, DNS, TLS, or a header timeout of the client itself. */
    static ExchangeException network(String context, IOException e) {
        String what = e instanceof HttpTimeoutException ? "no answer in time"
            : e.getMessage() == null ? "network error" : e.getMessage();
        return new ExchangeException(Kind.UNAVAILABLE, "", context + ": " + what + " ("
            + e.getClass().getSimpleName() + ")", e);
    }

    /** The whole exchange (headers and body) took longer than the request timeout. */
    static ExchangeException timeout(String context, Duration timeout) {
        return new ExchangeException(Kind.UNAVAILABLE, "", context + ": no complete answer within "
            + timeout.toMillis() + " ms");
    }

    /** The start of a body for a message: one line, at most 80 characters. */
    static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String head = body.length() > EXCERPT_CHARS ? body.substring(0, EXCERPT_CHARS) + "..." : body;
        StringBuilder sb = new StringBuilder(head.length());
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return sb.toString();
    }

    /** The same failure, saying how many attempts were made. */
    static ExchangeException gaveUp(ExchangeException last, int attempts) {
        return new ExchangeException(last.kind(), last.code(), last.getMessage() + " (gave up after "
            + attempts + " attempts)", last);
    }
}
