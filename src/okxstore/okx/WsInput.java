package okxstore.okx;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * What reaches the feed's dispatcher thread through its {@link WsInbox}: calls of the public API, socket
 * callbacks, and the timer's tick. A closed set, handled by one exhaustive {@code switch}.
 */
sealed interface WsInput {

    record Subscribe(InstrumentId id, Bar bar) implements WsInput {
    }

    record Unsubscribe(InstrumentId id, Bar bar) implements WsInput {
    }

    /** The opening handshake succeeded. */
    record Opened(WsSocket socket) implements WsInput {
    }

    /** The opening handshake failed (refused, timed out, HTTP error). */
    record ConnectFailed(WsSocket socket, Throwable error) implements WsInput {
    }

    /** One complete text message, stamped with the local time its last part arrived. */
    record Text(WsSocket socket, String text, long receivedAt) implements WsInput {
    }

    /** The server's close frame. */
    record Closed(WsSocket socket, int code, String reason) implements WsInput {
    }

    /** The connection failed: reset, EOF without a close frame (1006), protocol error. */
    record Failed(WsSocket socket, Throwable error) implements WsInput {
    }

    /** Time to check keepalives, timeouts and pending connects. */
    record Tick() implements WsInput {
    }

    /** The feed is closing: close every connection and end the dispatcher. */
    record Stop() implements WsInput {
    }
}
