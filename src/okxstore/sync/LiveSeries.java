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
    long lastConfirmedPush = Long.MIN_VALUE;
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
