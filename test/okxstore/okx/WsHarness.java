package okxstore.okx;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.logging.Logger;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.json.Json;

/**
 * The feed's dispatcher and lifecycle without threads or sockets: inputs are pumped by the test, time
 * is a manual clock, and each socket's wire is a {@link WsScriptedWebSocket}. Not thread-safe.
 */
final class WsHarness {

    static final long T0 = 1_789_470_000_000L;

    final WsManualClock clock = new WsManualClock(T0);
    final OkxLiveRecorder recorder = new OkxLiveRecorder();
    final WsSettings settings;
    final WsCounters counters = new WsCounters();
    final WsInbox inbox;
    final WsFeedState feed;
    final WsLifecycle lifecycle;
    final WsDispatcher dispatcher;
    /** Every socket the lifecycle opened, oldest first. */
    final List<WsSocket> sockets = new ArrayList<>();
    private final Map<WsSocket, WsScriptedWebSocket> wires = new HashMap<>();
    private final Set<String> answered = new HashSet<>();

    WsHarness(WsSettings settings) {
        this.settings = settings;
        this.inbox = new WsInbox(settings.queueCapacity());
        WsLogThrottle warnings = new WsLogThrottle(Logger.getLogger(WsHarness.class.getName()), clock,
            Duration.ofSeconds(10));
        this.feed = new WsFeedState(settings, clock, recorder, counters, warnings, inbox);
        this.lifecycle = new WsLifecycle(feed, sockets::add, new SplittableRandom(1));
        this.dispatcher = new WsDispatcher(feed, lifecycle);
    }

    /** Unit-test timings: ping after 1 s, pong within 0.5 s, stale after 3 s, reconnect 100 ms-1 s. */
    static WsSettings settings() {
        return WsSettings.defaults().withUrl(java.net.URI.create("ws://127.0.0.1:1/ws/v5/business"))
            .withKeepalive(Duration.ofMillis(1000), Duration.ofMillis(500), Duration.ofMillis(3000))
            .withReconnect(Duration.ofMillis(100), Duration.ofMillis(1000), 3)
            .withRefusedCooldown(Duration.ofMillis(2000))
            .withTimeouts(Duration.ofMillis(5000), Duration.ofMillis(4000), Duration.ofMillis(2000), Duration.ofMillis(300));
    }

    void subscribe(String instId, Bar bar) {
        inbox.control(new WsInput.Subscribe(new InstrumentId(instId), bar));
        pump();
    }

    void unsubscribe(String instId, Bar bar) {
        inbox.control(new WsInput.Unsubscribe(new InstrumentId(instId), bar));
        pump();
    }

    /** Handles every waiting input, then plans, as the dispatcher loop does. */
    void pump() {
        for (WsInput in = inbox.poll(); in != null; in = inbox.poll()) {
            dispatcher.handle(in);
        }
        lifecycle.plan();
    }

    void tick(long ms) {
        clock.advance(ms);
        dispatcher.handle(new WsInput.Tick());
        pump();
    }

    /** Completes socket {@code i}'s handshake. */
    WsScriptedWebSocket open(int i) {
        WsScriptedWebSocket wire = new WsScriptedWebSocket();
        wires.put(sockets.get(i), wire);
        sockets.get(i).onOpen(wire);
        pump();
        return wire;
    }

    WsScriptedWebSocket wire(int i) {
        return wires.get(sockets.get(i));
    }

    void receive(int i, String text) {
        WsSocket s = sockets.get(i);
        s.onText(wires.get(s), text, true);
        pump();
    }

    void closeByServer(int i, int code, String reason) {
        WsSocket s = sockets.get(i);
        s.onClose(wires.get(s), code, reason);
        pump();
    }

    void failConnect(int i) {
        inbox.control(new WsInput.ConnectFailed(sockets.get(i), new IOException("Connection refused")));
        pump();
    }

    /** Acknowledges every arg of every subscribe request socket {@code i} has sent and not had answered. */
    void ackAll(int i) {
        for (Map<String, Object> request : requests(i, "subscribe")) {
            if (answered.add(i + "/" + request.get("id"))) {
                for (Object arg : (List<?>) request.get("args")) {
                    receive(i, "{\"id\":\"" + request.get("id") + "\",\"event\":\"subscribe\",\"arg\":" + Json.write(arg)
                        + ",\"connId\":\"a4d3ae55\"}");
                }
            }
        }
    }

    /** The requests with {@code op} that socket {@code i} sent, decoded. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> requests(int i, String op) {
        return wire(i).sent().stream().filter(t -> t.startsWith("{")).map(t -> (Map<String, Object>) Json.parse(t))
            .filter(m -> op.equals(m.get("op"))).toList();
    }

    /** The instIds/channels a socket asked for with {@code op}, as "BTC-USDT/candle1m". */
    List<String> args(int i, String op) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : requests(i, op)) {
            for (Object a : (List<?>) r.get("args")) {
                Map<?, ?> m = (Map<?, ?>) a;
                out.add(m.get("instId") + "/" + m.get("channel"));
            }
        }
        return out;
    }

    static String push(String channel, String instId, String confirm) {
        return "{\"arg\":{\"channel\":\"" + channel + "\",\"instId\":\"" + instId + "\"},\"data\":[[\"1789470120000\","
            + "\"77082.7\",\"77116.6\",\"77082.6\",\"77116.6\",\"1.57843610\",\"121697.290334104\",\"121697.290334104\",\""
            + confirm + "\"]]}";
    }
}
