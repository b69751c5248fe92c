package okxstore.okx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okxstore.json.Json;
import okxstore.json.JsonException;

/**
 * OKX's WebSocket text, both ways (API-NOTES §6.2-6.6): subscribe/unsubscribe requests split so each
 * stays under the 64 KB cap, and incoming messages decoded to {@link WsEvent}s. Pure functions, thread-safe.
 */
final class WsMessages {

    /** A request as sent: its id, op, args and text. */
    record Request(String id, String op, List<WsArg> args, String text) {
    }

    static final String SUBSCRIBE = "subscribe";
    static final String UNSUBSCRIBE = "unsubscribe";
    /** How every candle push starts (API-NOTES §6.3); only these go to the fast decoder. */
    private static final String PUSH_START = "{\"arg\":";
    private static final int EXCERPT_CHARS = 120;
    /** 60018's text names the series: "wrong URL or channel:candle1m,instId:BTC-USDT doesn't exist" (§6.1). */
    private static final Pattern NAMED_ARG = Pattern.compile("channel:\\s*([A-Za-z0-9-]+)\\s*,\\s*instId:\\s*([A-Za-z0-9-]+)");

    private WsMessages() {
    }

    /**
     * {@code {"id":"..","op":"subscribe","args":[..]}} requests carrying {@code args} in order, as few as
     * fit when each request's whole text is at most {@code maxBytes} UTF-8 bytes; ids from {@code ids}
     * (letters and digits, at most 32).
     */
    static List<Request> requests(String op, Collection<WsArg> args, int maxBytes, Supplier<String> ids) {
        List<Request> out = new ArrayList<>();
        List<WsArg> batch = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        String id = null;
        int usedBytes = 0; // head + body + "]}"
        for (WsArg arg : args) {
            StringBuilder one = new StringBuilder(64);
            arg.appendJson(one);
            int oneBytes = utf8Length(one);
            if (id != null && usedBytes + 1 + oneBytes > maxBytes) {
                out.add(request(id, op, batch, body));
                batch = new ArrayList<>();
                body.setLength(0);
                id = null;
            }
            if (id == null) {
                id = ids.get();
                usedBytes = utf8Length(head(id, op)) + 2;
                if (usedBytes + oneBytes > maxBytes) {
                    throw new IllegalArgumentException(op + " " + arg + ": one arg needs " + (usedBytes + oneBytes)
                        + " bytes, more than the request limit " + maxBytes);
                }
            } else {
                body.append(',');
                usedBytes++;
            }
            body.append(one);
            usedBytes += oneBytes;
            batch.add(arg);
        }
        if (!batch.isEmpty()) {
            out.add(request(id, op, batch, body));
        }
        return out;
    }

    private static String head(String id, String op) {
        StringBuilder sb = new StringBuilder("{\"id\":");
        quote(sb, id);
        sb.append(",\"op\":");
        quote(sb, op);
        return sb.append(",\"args\":[").toString();
    }

    private static Request request(String id, String op, List<WsArg> args, CharSequence body) {
        return new Request(id, op, List.copyOf(args), head(id, op) + body + "]}");
    }

    /** Decodes one complete text message; never throws. */
    static WsEvent parse(String text) {
        if (text.equals("pong")) {
            return new WsEvent.Pong();
        }
        if (text.startsWith(PUSH_START)) {
            try {
                return candles(CandleRows.decodePush(text)); // the hot path: no JSON tree
            } catch (CandleRows.Mismatch e) {
                // not the usual shape: the general parser below says what it is
            }
        }
        Object value;
        try {
            value = Json.parse(text);
        } catch (JsonException e) {
            return new WsEvent.Malformed("not JSON: " + e.getMessage(), excerpt(text));
        }
        if (!(value instanceof Map<?, ?> m)) {
            return new WsEvent.Malformed("not a JSON object", excerpt(text));
        }
        Object event = m.get("event");
        String id = string(m.get("id"));
        if (event instanceof String name) {
            return switch (name) {
                case SUBSCRIBE, UNSUBSCRIBE -> {
                    WsArg arg = arg(m.get("arg"));
                    if (arg == null) {
                        yield new WsEvent.Malformed(name + " ack without a channel and instId", excerpt(text));
                    }
                    yield name.equals(SUBSCRIBE) ? new WsEvent.Subscribed(id, arg) : new WsEvent.Unsubscribed(id, arg);
                }
                case "error" -> new WsEvent.Failed(id, string(m.get("code")), string(m.get("msg")));
                case "notice" -> new WsEvent.Notice(string(m.get("code")), string(m.get("msg")));
                default -> new WsEvent.Unknown("event '" + name + "'", excerpt(text));
            };
        }
        if (event != null) {
            return new WsEvent.Malformed("event is not a string", excerpt(text));
        }
        if (m.containsKey("arg") && m.containsKey("data")) {
            return push(m, text);
        }
        return new WsEvent.Unknown("a message without event or data", excerpt(text));
    }

    private static WsEvent push(Map<?, ?> m, String text) {
        WsArg arg = arg(m.get("arg"));
        if (arg == null) {
            return new WsEvent.Malformed("push without a channel and instId", excerpt(text));
        }
        if (CandleRows.fieldsOf(arg.channel()) < 0) {
            return new WsEvent.Unknown("a push on channel " + arg.channel(), excerpt(text));
        }
        try {
            return candles(CandleRows.pushOf(m));
        } catch (IllegalArgumentException e) {
            return new WsEvent.Malformed(arg + ": " + e.getMessage(), excerpt(text));
        }
    }

    private static WsEvent.Candles candles(CandleRows.Push push) {
        return new WsEvent.Candles(new WsArg(push.channel(), push.instId()), push.rows(), push.skipped(),
            push.firstProblem());
    }

    /** The series an error's text names ("channel:candle1m,instId:BTC-USDT"), or null. */
    static WsArg namedArg(String msg) {
        if (msg == null) {
            return null;
        }
        Matcher matcher = NAMED_ARG.matcher(msg);
        return matcher.find() ? new WsArg(matcher.group(1), matcher.group(2)) : null;
    }

    private static WsArg arg(Object o) {
        if (o instanceof Map<?, ?> a && a.get("channel") instanceof String channel
            && a.get("instId") instanceof String instId) {
            return new WsArg(channel, instId);
        }
        return null;
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    /** The start of a message for a log line: one line, at most 120 characters. */
    static String excerpt(String text) {
        String head = text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "..." : text;
        StringBuilder sb = new StringBuilder(head.length());
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return sb.toString();
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static int utf8Length(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
