package okxstore.okx;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import okxstore.candle.Candle;
import okxstore.candle.LiveFeed.SeriesState;

/**
 * Handles every input of the live feed on its dispatcher thread: API calls, socket callbacks and
 * messages, ticks. Messages are decoded here ({@link WsMessages}), pushes handed to the listener,
 * acknowledgements and refusals turned into series states; the connection lifecycle is
 * {@link WsLifecycle}'s. Not thread-safe: one thread calls it.
 */
final class WsDispatcher {

    private static final Logger LOG = Logger.getLogger(WsDispatcher.class.getName());

    private final WsFeedState feed;
    private final WsLifecycle lifecycle;

    WsDispatcher(WsFeedState feed, WsLifecycle lifecycle) {
        this.feed = feed;
        this.lifecycle = lifecycle;
    }

    /** Handles one input; never throws for a bad message or a failing listener. */
    void handle(WsInput input) {
        switch (input) {
            case WsInput.Subscribe s -> feed.declare(s.id(), s.bar());
            case WsInput.Unsubscribe u -> feed.withdraw(u.id(), u.bar());
            case WsInput.Opened o -> lifecycle.opened(o.socket());
            case WsInput.ConnectFailed f -> lifecycle.connectFailed(f.socket(), f.error());
            case WsInput.Text t -> {
                try {
                    text(t.socket(), t.text(), t.receivedAt());
                } finally {
                    feed.inbox.done(t);
                }
            }
            case WsInput.Closed c -> lifecycle.lost(c.socket(), "closed by the server: " + c.code()
                + (c.reason() == null || c.reason().isEmpty() ? "" : " " + c.reason()));
            case WsInput.Failed f -> lifecycle.lost(f.socket(), "connection failed: " + WsLifecycle.describe(f.error()));
            case WsInput.Tick t -> lifecycle.tick();
            case WsInput.Stop s -> lifecycle.stop();
        }
    }

    /** One complete text message of {@code socket}. */
    void text(WsSocket socket, String text, long receivedAt) {
        if (socket.state != WsSocket.State.OPEN || !socket.connection.owns(socket)) {
            return; // aborted, or closing after a handover: its series are carried elsewhere
        }
        WsEvent event = WsMessages.parse(text);
        switch (event) {
            case WsEvent.Candles c -> candles(socket, c, receivedAt);
            case WsEvent.Subscribed a -> subscribed(socket, a.id(), a.arg());
            case WsEvent.Unsubscribed u -> {
                socket.requests.answered(u.id(), u.arg(), WsMessages.UNSUBSCRIBE);
                socket.acked.remove(u.arg());
                socket.unsubscribing.remove(u.arg());
                feed.dirty = true;
            }
            case WsEvent.Failed f -> failed(socket, f);
            case WsEvent.Notice n -> lifecycle.notice(socket, n);
            case WsEvent.Pong p -> { } // normally caught by the socket callback already
            case WsEvent.Unknown u -> {
                feed.counters.unknownEvents.increment();
                feed.warnings.log(Level.WARNING, "unknown", () -> socket + ": ignored " + u.what() + ": " + u.excerpt());
            }
            case WsEvent.Malformed m -> {
                feed.counters.malformed.increment();
                feed.warnings.log(Level.WARNING, "malformed", () -> socket + ": ignored a malformed message ("
                    + m.reason() + "): " + m.excerpt());
            }
        }
    }

    private void candles(WsSocket socket, WsEvent.Candles push, long receivedAt) {
        feed.counters.pushes.increment();
        socket.lastPushAt = receivedAt;
        socket.connection.attempt = 0;
        WsSeries series = feed.series.get(push.arg());
        String prefix = series == null ? push.arg().toString() : series.toString();
        if (push.badRows() > 0) {
            feed.counters.badRows.add(push.badRows());
            feed.warnings.log(Level.WARNING, "bad-row " + push.arg(), () -> prefix + ": dropped "
                + push.badRows() + " bad row(s) of a push: " + push.firstProblem());
        }
        if (series == null || series.connection != socket.connection) {
            LOG.finer(() -> socket + ": ignored a push for " + prefix + ", not carried here");
            return;
        }
        if (!socket.acked.contains(push.arg())) {
            socket.ack(push.arg(), receivedAt); // a push proves the subscription, even if its ack was lost
            feed.report(series, SeriesState.SUBSCRIBED, "pushing on " + socket);
        }
        List<Candle> candles = push.candles();
        if (!candles.isEmpty()) {
            try {
                feed.listener.onCandles(series.id, series.bar, candles, receivedAt);
            } catch (RuntimeException e) {
                feed.warnings.log(Level.WARNING, "listener", () -> series + ": listener failed on candles: " + e);
            }
        }
    }

    private void subscribed(WsSocket socket, String id, WsArg arg) {
        socket.requests.answered(id, arg, WsMessages.SUBSCRIBE);
        WsConnection c = socket.connection;
        WsSeries series = feed.series.get(arg);
        if (series == null || series.connection != c) {
            // withdrawn or moved while the request was on its way: take it back
            if (!socket.unsubscribing.contains(arg)) {
                feed.send(socket, WsMessages.UNSUBSCRIBE, List.of(arg));
            }
            return;
        }
        socket.ack(arg, feed.clock.millis());
        c.attempt = 0;
        feed.dirty = true;
        feed.report(series, SeriesState.SUBSCRIBED, "acknowledged on " + socket);
        if (socket == c.successor) {
            lifecycle.handoverProgress(c);
        }
    }

    private void failed(WsSocket socket, WsEvent.Failed f) {
        feed.counters.errors.increment();
        WsConnection c = socket.connection;
        c.errors++;
        String detail = f.code() + " " + f.msg();
        List<WsArg> refused = socket.requests.refusedBy(f.id(), WsMessages.namedArg(f.msg()));
        if (refused.isEmpty()) {
            feed.warnings.log(Level.WARNING, "error " + f.code(), () -> socket + ": error event matching no request: "
                + detail);
            return;
        }
        for (WsArg arg : refused) {
            WsSeries series = feed.series.get(arg);
            if (series != null && series.connection == c) {
                feed.refuse(series, detail);
            }
        }
        if (c.successor != null) {
            lifecycle.handoverProgress(c);
        }
    }
}
