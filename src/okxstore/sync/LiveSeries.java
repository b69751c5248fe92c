package okxstore.sync;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.candle.LiveFeed.SeriesState;

/**
 * The engine's view of one live series: its configured mode, what the socket says about it, when
 * it last pushed, whether it must be repaired over REST before it is called current, and when it
 * is next polled. Mutable; guarded by the engine's lock.
 */
final class LiveSeries {
    final InstrumentId id;
    final Bar bar;
    String mode;
    int historyDays;
    long pollEveryMs;
    SeriesState socket;
    long socketSince;
    long lastPushAt;
    /** Open times of the latest bars whose closing push came (bounded). */
    final java.util.TreeSet<Long> confirmedPushes = new java.util.TreeSet<>();
    long checkedClosed = Long.MIN_VALUE;
    long nextPollAt;
    long nextFullAt;
    boolean repairNeeded;
    boolean fullNeeded;
    boolean busy;
    boolean inactive;
    String inactiveReason;
    long repairFloor = Long.MIN_VALUE;
    long fallbacks;
    boolean polling;
    String lastError;

    LiveSeries(InstrumentId id, Bar bar) {
        this.id = id;
        this.bar = bar;
    }

    void confirmedPush(long ts) {
        confirmedPushes.add(ts);
        while (confirmedPushes.size() > 512) {
            confirmedPushes.pollFirst();
        }
    }

    /** The oldest bar of [first, last] without its closing push, or {@code Long.MIN_VALUE} when none lacks it. */
    long firstWithoutClosingPush(long first, long last) {
        long b = first;
        for (int i = 0; b <= last; i++, b = bar.next(b)) {
            if (i >= 512 || !confirmedPushes.contains(b)) {
                return b;
            }
        }
        return Long.MIN_VALUE;
    }

    boolean usesSocket() {
        return !mode.equals("polling");
    }

    /** True when pushes are expected to keep the series current. */
    boolean socketHealthy(long now, long silentAfterMs) {
        return socket == SeriesState.SUBSCRIBED && now - Math.max(lastPushAt, socketSince) <= silentAfterMs;
    }

    @Override
    public String toString() {
        return id + "/" + bar;
    }
}
