package okxstore.fake.ws;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import okxstore.candle.Bar;

/**
 * OKX's side of the conversation (API-NOTES §6.2-6.4): answers {@code ping}, acknowledges or
 * refuses subscribe/unsubscribe requests, and builds candle pushes from the {@link PushSource}.
 * Stateless itself; runs on each connection's reader thread and on the housekeeping thread.
 */
final class OkxWsProtocol {

    static final String PUBLIC_PATH = "/ws/v5/public";
    static final String BUSINESS_PATH = "/ws/v5/business";
    /** API-NOTES §6.2: the args of one request may total 64 KB; the fake measures the whole request. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(OkxWsProtocol.class.getName());
    private static final String ID_PATTERN = "[A-Za-z0-9]{1,32}";

    private final PushSource source;
    private final InstantSource clock;

    OkxWsProtocol(PushSource source, InstantSource clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Handles one complete text message from a client. */
    void onText(WsConnection c, String text) {
        if (text.equals("ping")) {
            c.send("pong", false); // plain text, API-NOTES §6.4
            return;
        }
        Request request = parse(text);
        if (request == null || text.getBytes(StandardCharsets.UTF_8).length > MAX_REQUEST_BYTES) {
            c.send(error(null, "60012", "Invalid request: " + text, c), false);
            return;
        }
        if (!c.requestLimit().tryAcquire(System.nanoTime())) {
            c.send(error(request.id(), "60014", "Requests too frequent.", c), false);
            return;
        }
        boolean subscribe = request.op().equals("subscribe");
        for (Subscription sub : request.args()) {
            if (!served(c, sub)) {
                String failed = subscribe ? "Subscribe failed" : "Unsubscribe failed";
                c.send(error(request.id(), "60018", failed + ", wrong URL or channel:" + sub.channel()
                    + ",instId:" + sub.instId() + " doesn't exist. Please use the correct URL, channel and"
                    + " parameters referring to API document.", c), false);
                continue;
            }
            // the ack goes out before the first push: subscribe only after queueing it
            c.send(ack(request.id(), request.op(), sub, c), false);
            if (subscribe) {
                c.subscribe(sub);
            } else {
                c.unsubscribe(sub);
            }
        }
    }

    /**
     * Pushes every subscription of {@code c} whose interval has passed: the bar now forming and,
     * when its period has ended since the last push, the closed bar once with confirm "1".
     * A silent or stalled connection skips the sends but its bars still move on.
     */
    void pushDue(WsConnection c, long nowNanos, long intervalNanos) {
        long nowMs = clock.millis();
        boolean mute = c.isSilent() || c.isStalled();
        for (Map.Entry<Subscription, WsConnection.PushState> e : c.pushStates().entrySet()) {
            WsConnection.PushState state = e.getValue();
            if (nowNanos - state.nextPushNanos < 0) {
                continue;
            }
            state.nextPushNanos = nowNanos + intervalNanos;
            Subscription sub = e.getKey();
            Bar bar = sub.candleBar();
            long open = bar.openTime(nowMs);
            try {
                if (state.formingOpenMs != Long.MIN_VALUE && open > state.formingOpenMs && !mute) {
                    pushRow(c, sub, bar, state.formingOpenMs, nowMs, "1");
                }
                state.formingOpenMs = open;
                if (!mute) {
                    pushRow(c, sub, bar, open, nowMs, "0");
                }
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, sub.instId() + "/" + bar + ": push source failed", ex);
            }
        }
    }

    private void pushRow(WsConnection c, Subscription sub, Bar bar, long openMs, long nowMs, String confirm) {
        String[] row = source.row(sub.instId(), bar, openMs, nowMs);
        if (row == null) {
            return;
        }
        String[] copy = row.clone();
        if (copy.length == 9) {
            copy[8] = confirm;
        }
        c.send(push(sub, copy), true);
    }

    private boolean served(WsConnection c, Subscription sub) {
        // candles live only on /business, API-NOTES §6.1
        return sub.candleBar() != null && c.path().equals(BUSINESS_PATH) && source.knows(sub.instId());
    }

    /** A well-formed request, or null. */
    private record Request(String id, String op, List<Subscription> args) {
    }

    private static Request parse(String text) {
        Object json;
        try {
            json = WsJson.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!(json instanceof Map<?, ?> map) || !(map.get("op") instanceof String op)
                || !(op.equals("subscribe") || op.equals("unsubscribe"))
                || !(map.get("args") instanceof List<?> args) || args.isEmpty()) {
            return null;
        }
        Object id = map.get("id");
        if (id != null && !(id instanceof String s && s.matches(ID_PATTERN))) {
            return null;
        }
        List<Subscription> subs = new ArrayList<>();
        for (Object arg : args) {
            if (!(arg instanceof Map<?, ?> a) || !(a.get("channel") instanceof String channel)
                    || !(a.get("instId") instanceof String instId)) {
                return null;
            }
            subs.add(new Subscription(channel, instId));
        }
        return new Request((String) id, op, subs);
    }

    static String ack(String id, String op, Subscription sub, WsConnection c) {
        return "{" + idField(id) + "\"event\":\"" + op + "\",\"arg\":" + sub.argJson()
            + ",\"connId\":\"" + c.connId() + "\"}";
    }

    /** An error event, fields in the order of real captures (msg before code). */
    static String error(String id, String code, String msg, WsConnection c) {
        return "{" + idField(id) + "\"event\":\"error\",\"msg\":" + WsJson.quote(msg) + ",\"code\":\"" + code
            + "\",\"connId\":\"" + c.connId() + "\"}";
    }

    static String notice64008(WsConnection c) {
        return "{\"event\":\"notice\",\"code\":\"64008\",\"msg\":\"The connection will soon be closed for a"
            + " service upgrade. Please reconnect.\",\"connId\":\"" + c.connId() + "\"}";
    }

    static String push(Subscription sub, String[] row) {
        StringBuilder b = new StringBuilder("{\"arg\":").append(sub.argJson()).append(",\"data\":[[");
        for (int i = 0; i < row.length; i++) {
            b.append(i == 0 ? "" : ",").append(WsJson.quote(row[i]));
        }
        return b.append("]]}").toString();
    }

    private static String idField(String id) {
        return id == null ? "" : "\"id\":" + WsJson.quote(id) + ",";
    }
}
