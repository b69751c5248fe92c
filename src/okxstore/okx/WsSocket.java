package okxstore.okx;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One {@link WebSocket} of a {@link WsConnection}, and its listener. The callback side only collects
 * parts into a capped buffer, answers nothing itself, stamps arrival times, notes pongs, and hands
 * each complete message to the {@link WsInbox}, requesting the next one only once it is queued
 * (PITFALLS). The fields marked "dispatcher" belong to the feed's dispatcher thread.
 */
final class WsSocket implements WebSocket.Listener {

    enum State { CONNECTING, OPEN, CLOSING, DEAD }

    private static final Logger LOG = Logger.getLogger(WsSocket.class.getName());
    private static final int KEPT_BUFFER_CHARS = 64 * 1024;

    final WsConnection connection;
    final String name;
    private final WsInbox inbox;
    private final InstantSource clock;
    private final WsCounters counters;
    private final WsLogThrottle warnings;
    private final int maxChars;

    // callback side: parts are touched by one callback at a time (the API calls a listener sequentially)
    private final StringBuilder parts = new StringBuilder();
    private boolean overflow;
    private volatile WebSocket webSocket;
    private volatile WsSender sender;
    private volatile long lastReceivedAt;
    private volatile long pingRttMs = -1;
    private final AtomicLong pingSentAt = new AtomicLong();

    // dispatcher
    State state = State.CONNECTING;
    final long createdAt;
    final Set<WsArg> acked = new LinkedHashSet<>();
    final Set<WsArg> unsubscribing = new HashSet<>();
    final WsRequests requests = new WsRequests();
    final WsSlidingWindow budget;
    long lastPushAt;
    long subscribedSince;
    long closeDeadline;
    private CompletableFuture<WebSocket> connecting;

    WsSocket(WsConnection connection, String name, WsInbox inbox, InstantSource clock, WsCounters counters,
             WsLogThrottle warnings, WsSettings settings) {
        this.connection = connection;
        this.name = name;
        this.inbox = inbox;
        this.clock = clock;
        this.counters = counters;
        this.warnings = warnings;
        this.maxChars = settings.maxMessageChars();
        this.budget = new WsSlidingWindow(settings.requestsPerWindow(), settings.requestWindow().toMillis());
        this.createdAt = clock.millis();
        this.lastReceivedAt = createdAt;
    }

    /** Starts the opening handshake; the outcome comes back as {@code Opened} or {@code ConnectFailed}. */
    void open(HttpClient client, URI url, Duration timeout) {
        try {
            connecting = client.newWebSocketBuilder().connectTimeout(timeout).buildAsync(url, this);
        } catch (RuntimeException e) {
            inbox.control(new WsInput.ConnectFailed(this, e)); // a client already shut down, say
            return;
        }
        connecting.whenComplete((ws, failed) -> {
            if (failed != null) {
                inbox.control(new WsInput.ConnectFailed(this, failed instanceof CompletionException c
                    && c.getCause() != null ? c.getCause() : failed));
            }
        });
    }

    /** Queues a text message behind the ones before it. */
    void send(String text) {
        WsSender s = sender;
        if (s != null) {
            s.sendText(text);
        }
    }

    /** Sends {@code ping} and starts its pong clock (API-NOTES §6.4). */
    void ping(long now) {
        pingSentAt.set(Math.max(1, now));
        send("ping");
    }

    /** Starts the close handshake; the dispatcher aborts the socket if it is not over by {@link #closeDeadline}. */
    CompletableFuture<?> close(long deadline) {
        state = State.CLOSING;
        closeDeadline = deadline;
        WsSender s = sender;
        return s == null ? CompletableFuture.completedFuture(null) : s.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }

    /** Drops the TCP connection at once; the only cure for a peer that stopped answering. */
    void abort() {
        state = State.DEAD;
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.abort();
        } else if (connecting != null) {
            connecting.cancel(true);
        }
    }

    /** Records the acknowledgement of {@code arg}; a first one starts the staleness clock. */
    void ack(WsArg arg, long now) {
        if (acked.isEmpty()) {
            subscribedSince = now;
        }
        acked.add(arg);
    }

    /** The later of the last push and the first acknowledgement, or 0 while nothing is subscribed. */
    long quietSince() {
        return acked.isEmpty() ? 0 : Math.max(lastPushAt, subscribedSince);
    }

    long lastReceivedAt() {
        return lastReceivedAt;
    }

    long pingSentAt() {
        return pingSentAt.get();
    }

    /** The last ping's round trip in ms, or -1 before the first pong. */
    long pingRttMs() {
        return pingRttMs;
    }

    @Override
    public void onOpen(WebSocket ws) {
        webSocket = ws;
        sender = new WsSender(ws, name);
        lastReceivedAt = clock.millis();
        inbox.control(new WsInput.Opened(this));
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        long now = clock.millis();
        lastReceivedAt = now;
        if (!overflow && parts.length() + data.length() > maxChars) {
            overflow = true;
            parts.setLength(0);
            parts.trimToSize();
        } else if (!overflow) {
            parts.append(data); // the CharSequence is valid only during this call
        }
        if (!last) {
            ws.request(1);
            return null;
        }
        if (overflow) {
            overflow = false;
            counters.oversized.increment();
            warnings.log(Level.WARNING, "oversized", () -> name + ": dropped a message longer than " + maxChars + " chars");
            ws.request(1);
            return null;
        }
        String text = parts.toString();
        parts.setLength(0);
        if (parts.capacity() > KEPT_BUFFER_CHARS) {
            parts.trimToSize();
        }
        if (text.equals("pong")) {
            long sent = pingSentAt.getAndSet(0);
            if (sent != 0) {
                pingRttMs = Math.max(0, now - sent);
            }
            ws.request(1);
            return null;
        }
        inbox.message(new WsInput.Text(this, text, now), () -> ws.request(1));
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        lastReceivedAt = clock.millis();
        if (last) {
            counters.binary.increment();
            LOG.finer(() -> name + ": ignored a binary message");
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
        lastReceivedAt = clock.millis(); // the implementation answers with a pong itself
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        lastReceivedAt = clock.millis();
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        inbox.control(new WsInput.Closed(this, statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        inbox.control(new WsInput.Failed(this, error));
    }

    @Override
    public String toString() {
        return name;
    }
}
