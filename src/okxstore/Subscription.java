package okxstore;

/**
 * A registered {@link CandleListener}; closing it unsubscribes. Thread-safe; closing twice is harmless.
 */
public interface Subscription extends AutoCloseable {

    /**
     * Unsubscribes: after this returns the listener gets no further call (a call already under way
     * on the listener thread may finish).
     */
    @Override
    void close();
}
