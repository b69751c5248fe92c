package okxstore;

/**
 * Told about bars of one series as the store commits them ({@link OkxStore#onCandle}): live pushes,
 * including updates of the unfinished bar, polled and repaired bars, each backfilled bar too.
 * Called on the store's own listener thread, one call at a time, in commit order; never on a
 * socket or writer thread. A slow listener delays the others, not the store; one that throws is
 * logged and keeps receiving.
 */
@FunctionalInterface
public interface CandleListener {

    /**
     * A bar was stored or changed.
     *
     * @param bar the bar as now stored
     */
    void onCandle(StoredBar bar);
}
