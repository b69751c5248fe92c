package okxstore.candle;

import java.util.List;
import java.util.Map;

/**
 * The seam between the sync engine and an exchange's live candle stream. Subscriptions are
 * declared, not sent: the feed keeps every declared series subscribed across reconnects and
 * spreads them over as many connections as its limits need. Events reach the {@link Listener}
 * on the feed's own threads, never on a socket callback; a listener must not block for long.
 * Thread-safe.
 */
public interface LiveFeed extends AutoCloseable {

    /** What the feed reports about a series. */
    enum SeriesState {
        /** The exchange acknowledged the subscription: pushes may flow. */
        SUBSCRIBED,
        /** The exchange refused it (wrong URL, channel or instrument); it is retried after a cooldown. */
        REFUSED,
        /** Its connection went down or was found unhealthy; pushes missed until SUBSCRIBED again. */
        DOWN
    }

    /** Receives what the feed sees. */
    interface Listener {
        /** Candles pushed for one series, with the local time they arrived. */
        void onCandles(InstrumentId id, Bar bar, List<Candle> candles, long receivedAt);

        /** A series changed state; {@code detail} says why (an error code and text, a close reason). */
        void onState(InstrumentId id, Bar bar, SeriesState state, String detail);
    }

    /** Starts connecting. Subscriptions declared before or after are both fine. */
    void start();

    /** Declares a series: it is subscribed now or on the next connection, and after every reconnect. */
    void subscribe(InstrumentId id, Bar bar);

    /** Withdraws a series. */
    void unsubscribe(InstrumentId id, Bar bar);

    /** Health of each connection, as plain values for a status document. */
    List<Map<String, Object>> connections();

    /** Counters: reconnects, malformed messages, unknown events, errors. */
    Map<String, Long> counters();

    /** Closes every connection and stops every thread of the feed. */
    @Override
    void close();
}
