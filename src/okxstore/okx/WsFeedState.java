package okxstore.okx;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.candle.LiveFeed;
import okxstore.candle.LiveFeed.SeriesState;

/**
 * What the live feed knows, shared by {@link WsDispatcher} and {@link WsLifecycle}: the declared series,
 * the connections, and the few operations both need (report a state, refuse a series, send requests
 * within a socket's budget). Owned by the dispatcher thread; {@link #connections} is also read by
 * {@code connections()} on any thread.
 */
final class WsFeedState {

    private static final Logger LOG = Logger.getLogger(WsFeedState.class.getName());

    final WsSettings settings;
    final InstantSource clock;
    final LiveFeed.Listener listener;
    final WsCounters counters;
    final WsLogThrottle warnings;
    final WsInbox inbox;
    final Map<WsArg, WsSeries> series = new LinkedHashMap<>();
    final List<WsConnection> connections = new CopyOnWriteArrayList<>();
    /** New connections across the whole feed (API-NOTES §6.5). */
    final WsConnectRate connectRate;
    /** Sockets closing after a handover or a withdrawal; aborted if their close handshake takes too long. */
    final Set<WsSocket> retiring = new LinkedHashSet<>();
    /** Set when assignments or subscriptions may need work; the next plan clears it. */
    boolean dirty = true;
    private long requestSeq;

    WsFeedState(WsSettings settings, InstantSource clock, LiveFeed.Listener listener, WsCounters counters,
                WsLogThrottle warnings, WsInbox inbox) {
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        this.counters = counters;
        this.warnings = warnings;
        this.inbox = inbox;
        this.connectRate = new WsConnectRate(settings.connectsPerSecond(), 1_000);
    }

    /** Called before a socket leaves CONNECTING: its handshake stops counting as pending for the connect rate. */
    void handshakeOver(WsSocket s, long now) {
        if (s.state == WsSocket.State.CONNECTING) {
            connectRate.ended(now);
        }
    }

    /** Adds a series; the next plan assigns it to a connection. */
    void declare(InstrumentId id, Bar bar) {
        WsArg arg = WsArg.candle(id, bar);
        if (!series.containsKey(arg)) {
            series.put(arg, new WsSeries(id, bar));
            dirty = true;
        }
    }

    /** Drops a series; the next plan unsubscribes it wherever it was subscribed or asked for. */
    void withdraw(InstrumentId id, Bar bar) {
        WsSeries s = series.remove(WsArg.candle(id, bar));
        if (s != null && s.connection != null) {
            WsConnection c = s.connection;
            c.assigned.remove(s.arg);
            c.toSubscribe.remove(s.arg);
            c.toUnsubscribe.add(s.arg);
            s.connection = null;
            dirty = true;
        }
    }

    /** Tells the listener when a series' state changes; repeats of the same state are not reported. */
    void report(WsSeries s, SeriesState state, String detail) {
        if (s.reported == state) {
            return;
        }
        s.reported = state;
        LOG.fine(() -> s + ": " + state + " (" + detail + ")");
        try {
            listener.onState(s.id, s.bar, state, detail);
        } catch (RuntimeException e) {
            warnings.log(Level.WARNING, "listener", () -> s + ": listener failed on state " + state + ": " + e);
        }
    }

    /** The exchange refused {@code s} (or never answered): it leaves its connection until the cooldown ends. */
    void refuse(WsSeries s, String detail) {
        WsConnection c = s.connection;
        if (c != null) {
            c.assigned.remove(s.arg);
            c.toSubscribe.remove(s.arg);
        }
        s.connection = null;
        s.retryAt = clock.millis() + settings.refusedCooldown().toMillis();
        counters.refused.increment();
        dirty = true;
        warnings.log(Level.WARNING, "refused " + s.arg, () -> s + ": subscription refused: " + detail
            + "; trying again in " + settings.refusedCooldown().toMillis() + " ms");
        report(s, SeriesState.REFUSED, detail);
    }

    /**
     * Sends {@code op} requests for {@code args} on {@code socket}, split under the size cap, each one
     * counted against the socket's hourly budget. Returns the args that found no budget left.
     */
    List<WsArg> send(WsSocket socket, String op, Collection<WsArg> args) {
        if (args.isEmpty()) {
            return List.of();
        }
        long now = clock.millis();
        List<WsArg> unsent = new ArrayList<>();
        for (WsMessages.Request r : WsMessages.requests(op, args, settings.maxRequestBytes(), this::nextRequestId)) {
            if (!socket.budget.tryAcquire(now)) {
                unsent.addAll(r.args());
                continue;
            }
            socket.requests.sent(r, now);
            if (op.equals(WsMessages.UNSUBSCRIBE)) {
                socket.unsubscribing.addAll(r.args());
            }
            socket.send(r.text());
            LOG.finer(() -> socket + ": sent " + r.text());
        }
        if (!unsent.isEmpty()) {
            warnings.log(Level.WARNING, "budget", () -> socket + ": request budget of "
                + settings.requestsPerWindow() + " per " + settings.requestWindow() + " used up; "
                + unsent.size() + " " + op + "(s) not sent");
        }
        return unsent;
    }

    /** Closes {@code s} politely when it is open (aborted at the close deadline if need be), else aborts it. */
    void retire(WsSocket s, long now) {
        if (s.state == WsSocket.State.OPEN) {
            s.close(now + settings.closeGrace().toMillis());
            retiring.add(s);
        } else {
            handshakeOver(s, now);
            s.abort();
        }
    }

    /** Request ids: letters and digits, at most 32 (API-NOTES §6.2). */
    private String nextRequestId() {
        return "r" + ++requestSeq;
    }
}
