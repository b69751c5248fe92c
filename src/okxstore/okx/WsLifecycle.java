package okxstore.okx;

import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import okxstore.candle.LiveFeed.SeriesState;

/**
 * The life of the feed's sockets, on the dispatcher thread: what happens when one opens or is lost,
 * keepalive and health checks on each tick, reconnect back-off, and the 64008 handover (new socket
 * subscribed before the old one is closed, API-NOTES §6.6); {@link WsPlanner} decides where series
 * go and when sockets open. Not thread-safe: one thread calls it.
 */
final class WsLifecycle {

    private static final Logger LOG = Logger.getLogger(WsLifecycle.class.getName());
    private static final String UPGRADE_NOTICE = "64008";

    private final WsFeedState feed;
    private final WsSettings settings;
    private final Backoff backoff;
    private final WsPlanner planner;

    /** {@code opener} starts a socket's opening handshake (the HttpClient's, or a test's). */
    WsLifecycle(WsFeedState feed, Consumer<WsSocket> opener, RandomGenerator random) {
        this.feed = feed;
        this.settings = feed.settings;
        this.backoff = WsHealth.backoff(settings, random);
        this.planner = new WsPlanner(feed, opener);
    }

    /** Assigns waiting series, opens sockets that are due, sends batched requests: {@link WsPlanner#plan()}. */
    void plan() {
        planner.plan();
    }

    void opened(WsSocket s) {
        WsConnection c = s.connection;
        if (s.state != WsSocket.State.CONNECTING || !c.owns(s)) {
            s.abort(); // given up on while its handshake ran
            return;
        }
        long now = feed.clock.millis();
        feed.handshakeOver(s, now);
        s.state = WsSocket.State.OPEN;
        feed.counters.connects.increment();
        s.ping(now); // a first round trip, and proof that the server answers
        LOG.fine(() -> s + ": connected to " + c.url + ", subscribing " + c.assigned.size() + " series");
        List<WsArg> unsent = feed.send(s, WsMessages.SUBSCRIBE, List.copyOf(c.assigned));
        if (s == c.current) {
            c.toSubscribe.clear();
            planner.unassign(c, unsent);
        } else {
            handoverProgress(c);
        }
        c.publish();
        feed.dirty = true;
    }

    void connectFailed(WsSocket s, Throwable error) {
        lost(s, "connect to " + s.connection.url + " failed: " + describe(error));
    }

    /** {@code s} is gone (closed, failed, aborted by us): its series are reported DOWN and reconnected. */
    void lost(WsSocket s, String detail) {
        if (s.state == WsSocket.State.DEAD) {
            return;
        }
        long now = feed.clock.millis();
        feed.handshakeOver(s, now);
        s.state = WsSocket.State.DEAD;
        feed.retiring.remove(s);
        WsConnection c = s.connection;
        if (c.state == WsConnection.State.CLOSED || !c.owns(s)) {
            return; // closed by us after a handover or a withdrawal
        }
        feed.dirty = true;
        if (s == c.successor) {
            c.successor = null;
            c.handoverAttempt++;
            c.nextHandoverAt = now + WsHealth.reconnectDelay(c.handoverAttempt, backoff, settings).toMillis();
            LOG.info(() -> s + ": the handover connection failed (" + detail + "); the old one carries on");
            return;
        }
        feed.counters.dropped.increment();
        WsSocket next = c.successor; // mid-handover: the new socket carries on
        c.successor = null;
        c.handoverWanted = false;
        c.current = next;
        boolean carriedOn = next != null && next.state == WsSocket.State.OPEN;
        for (WsArg arg : c.assigned) {
            WsSeries series = feed.series.get(arg);
            if (series != null && !(carriedOn && next.acked.contains(arg))) {
                feed.report(series, SeriesState.DOWN, c + ": " + detail);
            }
        }
        long wait = 0;
        if (next == null) {
            c.attempt++;
            wait = WsHealth.reconnectDelay(c.attempt, backoff, settings).toMillis();
            c.connectAt = now + wait;
        }
        String then = next == null ? "reconnecting in " + wait + " ms" : "carrying on with " + next;
        feed.warnings.log(Level.WARNING, "lost " + c.id, () -> s + ": " + detail + "; " + then);
        c.publish();
    }

    void notice(WsSocket s, WsEvent.Notice n) {
        feed.counters.notices.increment();
        WsConnection c = s.connection;
        if (!UPGRADE_NOTICE.equals(n.code())) {
            LOG.info(() -> s + ": notice " + n.code() + " " + n.msg());
            return;
        }
        if (s != c.current || c.handoverWanted) {
            return;
        }
        LOG.info(() -> s + ": service upgrade notice (64008): moving " + c.assigned.size()
            + " series to a new connection before this one closes");
        long now = feed.clock.millis();
        c.handoverWanted = true;
        c.handoverAttempt = 0;
        c.nextHandoverAt = now;
        c.handoverDeadline = now + settings.handoverTimeout().toMillis();
        feed.dirty = true;
    }

    /** Promotes the successor once it has acknowledged every series of its connection. */
    void handoverProgress(WsConnection c) {
        WsSocket next = c.successor;
        if (next != null && next.state == WsSocket.State.OPEN && next.acked.containsAll(c.assigned)) {
            promote(c, "every series acknowledged there");
        }
    }

    private void promote(WsConnection c, String why) {
        WsSocket old = c.current;
        WsSocket next = c.successor;
        long now = feed.clock.millis();
        c.current = next;
        c.successor = null;
        c.handoverWanted = false;
        c.handoverAttempt = 0;
        for (WsArg arg : c.assigned) {
            WsSeries series = feed.series.get(arg);
            if (series != null && !next.acked.contains(arg)) {
                feed.report(series, SeriesState.DOWN, c + ": not yet acknowledged on the new connection " + next);
            }
        }
        if (old != null) {
            feed.retire(old, now);
        }
        LOG.info(() -> c + ": moved from " + old + " to " + next + " (" + why + ")");
        c.publish();
        feed.dirty = true;
    }

    /** Keepalive, health, handshake, ack and close deadlines of every socket; then a plan. */
    void tick() {
        long now = feed.clock.millis();
        for (WsConnection c : feed.connections) {
            check(c, c.current, now);
            check(c, c.successor, now);
            if (c.successor != null && c.successor.state == WsSocket.State.OPEN && now >= c.handoverDeadline) {
                promote(c, "handover timeout");
            }
        }
        for (Iterator<WsSocket> it = feed.retiring.iterator(); it.hasNext(); ) {
            WsSocket s = it.next();
            if (now >= s.closeDeadline) {
                it.remove();
                s.abort(); // the close handshake took too long
            }
        }
        feed.dirty = true;
        planner.plan();
    }

    private void check(WsConnection c, WsSocket s, long now) {
        if (s == null) {
            return;
        }
        if (s.state == WsSocket.State.CONNECTING) {
            long limit = settings.connectTimeout().plus(settings.closeGrace()).toMillis();
            if (now - s.createdAt > limit) {
                kill(s, "no answer to the opening handshake within " + limit + " ms");
            }
            return;
        }
        if (s.state != WsSocket.State.OPEN) {
            return;
        }
        long quiet = s == c.current ? s.quietSince() : 0;
        switch (WsHealth.check(now, s.lastReceivedAt(), s.pingSentAt(), quiet, settings)) {
            case PING -> s.ping(now);
            case PONG_TIMEOUT -> {
                feed.counters.pongTimeouts.increment();
                kill(s, "no pong within " + settings.pongTimeout().toMillis() + " ms");
                return;
            }
            case STALE -> {
                feed.counters.stale.increment();
                kill(s, "no push on any channel for " + (now - quiet) + " ms");
                return;
            }
            case OK -> { }
        }
        for (WsArg arg : s.requests.expire(now - settings.ackTimeout().toMillis())) {
            WsSeries series = feed.series.get(arg);
            if (series != null && series.connection == c) {
                feed.refuse(series, "no answer to subscribe within " + settings.ackTimeout().toMillis() + " ms");
            }
        }
    }

    private void kill(WsSocket s, String detail) {
        lost(s, detail);
        s.abort();
    }

    /** Closes every socket: a close frame where one can go, then, after at most a short wait, an abort. */
    void stop() {
        List<WsSocket> all = new ArrayList<>(feed.retiring);
        for (WsConnection c : feed.connections) {
            for (WsSocket s : new WsSocket[] {c.current, c.successor}) {
                if (s != null) {
                    all.add(s);
                }
            }
            c.state = WsConnection.State.CLOSED;
        }
        List<CompletableFuture<?>> closing = new ArrayList<>();
        for (WsSocket s : all) {
            if (s.state == WsSocket.State.OPEN) {
                closing.add(s.close(0));
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                .get(Math.min(500, settings.closeGrace().toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.FINE, "close frames not all sent before the abort", e);
        }
        all.forEach(WsSocket::abort);
        feed.retiring.clear();
    }

    /** A one-line reason for a failure: the handshake's HTTP status, else the exception's message. */
    static String describe(Throwable e) {
        if (e instanceof WebSocketHandshakeException h) {
            return "HTTP " + h.getResponse().statusCode() + " to the opening handshake";
        }
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null || msg.isEmpty() ? "" : ": " + msg);
    }
}
