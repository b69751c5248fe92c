package okxstore.okx;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One logical connection of the live feed: the series it carries, across reconnects, and the socket
 * carrying them now. During a 64008 handover (API-NOTES §6.6) a {@code successor} socket is opened and
 * subscribed before the current one is closed. Mutable and owned by the dispatcher thread, except the
 * volatile figures that {@link #describe()} reads from any thread.
 */
final class WsConnection {

    enum State { CONNECTING, CONNECTED, CLOSED }

    final String id;
    final URI url;

    // dispatcher
    /** Series this connection carries, subscribed or not. */
    final Set<WsArg> assigned = new LinkedHashSet<>();
    /** Assigned since the current socket subscribed; sent as one batch by the next plan. */
    final Set<WsArg> toSubscribe = new LinkedHashSet<>();
    /** Withdrawn series still to be unsubscribed on the open sockets. */
    final Set<WsArg> toUnsubscribe = new LinkedHashSet<>();
    WsSocket successor;
    /** Failed connects (or drops) in a row; a push or an acknowledgement resets it. */
    int attempt;
    /** No socket is opened before this time (epoch ms). */
    long connectAt;
    boolean handoverWanted;
    long handoverDeadline;
    long nextHandoverAt;
    int handoverAttempt;
    int socketsOpened;

    // read by describe() on any thread
    volatile WsSocket current;
    volatile State state = State.CONNECTING;
    volatile int subscriptions;
    volatile int subscribed;
    volatile long reconnects;
    volatile long errors;

    WsConnection(String id, URI url) {
        this.id = id;
        this.url = url;
    }

    /** True when {@code socket} is this connection's current or successor socket. */
    boolean owns(WsSocket socket) {
        return socket == current || socket == successor;
    }

    /** Updates the figures {@link #describe()} shows. */
    void publish() {
        WsSocket s = current;
        subscriptions = assigned.size();
        subscribed = s == null ? 0 : s.acked.size();
        state = state == State.CLOSED ? State.CLOSED
            : s != null && s.state == WsSocket.State.OPEN ? State.CONNECTED : State.CONNECTING;
    }

    /** Health of this connection as plain values: id, url, state, counts, last message, ping round trip. */
    Map<String, Object> describe() {
        WsSocket s = current;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("url", url.toString());
        m.put("state", state.name().toLowerCase(Locale.ROOT));
        m.put("subscriptions", (long) subscriptions);
        m.put("subscribed", (long) subscribed);
        m.put("last_message_at", s == null ? null : s.lastReceivedAt());
        long rtt = s == null ? -1 : s.pingRttMs();
        m.put("ping_rtt_ms", rtt < 0 ? null : rtt);
        m.put("reconnects", reconnects);
        m.put("errors", errors);
        return m;
    }

    @Override
    public String toString() {
        return id;
    }
}
