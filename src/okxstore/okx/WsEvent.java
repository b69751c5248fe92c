package okxstore.okx;

import java.util.List;
import okxstore.candle.Candle;

/**
 * One complete text message from OKX's socket, decoded by {@link WsMessages#parse}: a closed set, so the
 * dispatcher's {@code switch} over it has no default. {@code id} is the request id OKX echoes, or null.
 */
sealed interface WsEvent {

    /** {@code {"event":"subscribe","arg":{..}}}: one ack per arg (API-NOTES §6.2). */
    record Subscribed(String id, WsArg arg) implements WsEvent {
    }

    record Unsubscribed(String id, WsArg arg) implements WsEvent {
    }

    /** {@code {"event":"error","code":"60018","msg":".."}}; error events carry no {@code arg}. */
    record Failed(String id, String code, String msg) implements WsEvent {
    }

    /** {@code {"event":"notice","code":"64008",..}}: the service-upgrade warning (API-NOTES §6.6). */
    record Notice(String code, String msg) implements WsEvent {
    }

    /** A push: the rows that decoded, how many did not, and what was wrong with the first of those. */
    record Candles(WsArg arg, List<Candle> candles, int badRows, String firstProblem) implements WsEvent {
    }

    /** The literal text {@code pong} (API-NOTES §6.4). */
    record Pong() implements WsEvent {
    }

    /** Valid JSON of a kind we do not handle: another event, a push without {@code data}. */
    record Unknown(String what, String excerpt) implements WsEvent {
    }

    /** Not JSON, or JSON of the wrong shape. */
    record Malformed(String reason, String excerpt) implements WsEvent {
    }
}
