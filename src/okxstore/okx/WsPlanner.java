package okxstore.okx;

import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Where the feed's series go and when sockets open, on the dispatcher thread: assigns waiting series to
 * a connection with room (at most {@code maxSubscriptionsPerConnection}, and request budget to spare),
 * opens new connections within the feed's connection rate, closes connections left without series,
 * and sends the subscribe and unsubscribe requests gathered since the last plan as few batches.
 * Not thread-safe: one thread calls it.
 */
final class WsPlanner {

    private static final Logger LOG = Logger.getLogger(WsPlanner.class.getName());

    private final WsFeedState feed;
    private final WsSettings settings;
    private final Consumer<WsSocket> opener;
    private int connectionSeq;

    /** {@code opener} starts a socket's opening handshake (the HttpClient's, or a test's). */
    WsPlanner(WsFeedState feed, Consumer<WsSocket> opener) {
        this.feed = feed;
        this.settings = feed.settings;
        this.opener = opener;
    }

    /** Assigns waiting series, closes empty connections, opens sockets that are due, sends batched requests. */
    void plan() {
        if (!feed.dirty) {
            return;
        }
        feed.dirty = false;
        long now = feed.clock.millis();
        assign(now);
        for (WsConnection c : feed.connections) {
            if (c.assigned.isEmpty()) {
                close(c, now);
                continue;
            }
            if (c.current == null && now >= c.connectAt) {
                openCurrent(c, now);
            }
            WsSocket cur = c.current;
            if (c.handoverWanted && c.successor == null && cur != null && cur.state == WsSocket.State.OPEN
                && now >= c.nextHandoverAt) {
                if (feed.connectRate.tryStart(now)) {
                    c.successor = newSocket(c);
                } // else the next plan tries again
            }
            flush(c);
            c.publish();
        }
    }

    private void assign(long now) {
        for (WsSeries series : feed.series.values()) {
            if (series.connection != null || now < series.retryAt) {
                continue;
            }
            WsConnection c = pick(now);
            if (c == null) {
                c = new WsConnection("ws-" + ++connectionSeq, settings.url());
                c.connectAt = now;
                feed.connections.add(c);
            }
            c.assigned.add(series.arg);
            c.toSubscribe.add(series.arg);
            series.connection = c;
        }
    }

    /** A connection with room for one more series and budget to spare for its request, or null. */
    private WsConnection pick(long now) {
        for (WsConnection c : feed.connections) {
            WsSocket s = c.current;
            boolean budget = s == null || s.state != WsSocket.State.OPEN
                || s.budget.available(now) > settings.requestReserve();
            if (c.state != WsConnection.State.CLOSED && c.assigned.size() < settings.maxSubscriptionsPerConnection()
                && budget) {
                return c;
            }
        }
        return null;
    }

    private void openCurrent(WsConnection c, long now) {
        if (!feed.connectRate.tryStart(now)) {
            return; // the next plan tries again
        }
        if (c.socketsOpened > 0) {
            c.reconnects++;
            feed.counters.reconnects.increment();
        }
        c.current = newSocket(c);
    }

    private WsSocket newSocket(WsConnection c) {
        WsSocket s = new WsSocket(c, c.id + "#" + ++c.socketsOpened, feed.inbox, feed.clock, feed.counters,
            feed.warnings, settings);
        opener.accept(s);
        return s;
    }

    private void flush(WsConnection c) {
        WsSocket cur = c.current;
        WsSocket next = c.successor;
        if (!c.toUnsubscribe.isEmpty()) {
            for (WsSocket s : new WsSocket[] {cur, next}) {
                if (s != null && s.state == WsSocket.State.OPEN) {
                    List<WsArg> args = c.toUnsubscribe.stream().filter(a -> !s.unsubscribing.contains(a)
                        && (s.acked.contains(a) || s.requests.awaitsSubscribe(a))).toList();
                    feed.send(s, WsMessages.UNSUBSCRIBE, args);
                }
            }
            c.toUnsubscribe.clear();
        }
        if (!c.toSubscribe.isEmpty()) {
            if (cur != null && cur.state == WsSocket.State.OPEN) {
                List<WsArg> args = List.copyOf(c.toSubscribe);
                unassign(c, feed.send(cur, WsMessages.SUBSCRIBE, args));
                if (next != null && next.state == WsSocket.State.OPEN) {
                    feed.send(next, WsMessages.SUBSCRIBE, args);
                }
            }
            c.toSubscribe.clear(); // a socket still connecting subscribes everything assigned when it opens
        }
    }

    /** Series whose subscribe found no budget leave {@code c}; the next plan puts them elsewhere. */
    void unassign(WsConnection c, List<WsArg> args) {
        for (WsArg arg : args) {
            c.assigned.remove(arg);
            WsSeries series = feed.series.get(arg);
            if (series != null && series.connection == c) {
                series.connection = null;
                feed.dirty = true;
            }
        }
    }

    private void close(WsConnection c, long now) {
        for (WsSocket s : new WsSocket[] {c.current, c.successor}) {
            if (s != null) {
                feed.retire(s, now);
            }
        }
        c.current = null;
        c.successor = null;
        c.state = WsConnection.State.CLOSED;
        feed.connections.remove(c);
        LOG.fine(() -> c + ": closed, it carries no series any more");
    }
}
