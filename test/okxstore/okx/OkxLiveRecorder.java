package okxstore.okx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import okxstore.candle.LiveFeed;
import okxstore.candle.LiveFeed.SeriesState;

/** A listener that records what a live feed reports, with waits on conditions over the record. Thread-safe. */
final class OkxLiveRecorder implements LiveFeed.Listener {

    /** One {@code onCandles} call. */
    record Push(InstrumentId id, Bar bar, List<Candle> candles, long receivedAt, String thread) {
    }

    /** One {@code onState} call. */
    record State(InstrumentId id, Bar bar, SeriesState state, String detail, long atNanos) {
    }

    private final List<Push> pushes = new ArrayList<>();
    private final List<State> states = new ArrayList<>();

    @Override
    public synchronized void onCandles(InstrumentId id, Bar bar, List<Candle> candles, long receivedAt) {
        pushes.add(new Push(id, bar, List.copyOf(candles), receivedAt, Thread.currentThread().getName()));
        notifyAll();
    }

    @Override
    public synchronized void onState(InstrumentId id, Bar bar, SeriesState state, String detail) {
        states.add(new State(id, bar, state, detail, System.nanoTime()));
        notifyAll();
    }

    synchronized List<Push> pushes() {
        return List.copyOf(pushes);
    }

    synchronized List<State> states() {
        return List.copyOf(states);
    }

    synchronized long pushCount(InstrumentId id, Bar bar) {
        return pushes.stream().filter(p -> p.id().equals(id) && p.bar() == bar).count();
    }

    /** States reported for one series, oldest first. */
    synchronized List<SeriesState> statesOf(InstrumentId id, Bar bar) {
        return states.stream().filter(s -> s.id().equals(id) && s.bar() == bar).map(State::state).toList();
    }

    /** The last state reported for a series, or null. */
    synchronized SeriesState last(InstrumentId id, Bar bar) {
        List<SeriesState> list = statesOf(id, bar);
        return list.isEmpty() ? null : list.getLast();
    }

    /** Waits until {@code condition} holds over this recorder; false on timeout. */
    synchronized boolean await(Predicate<OkxLiveRecorder> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Waits until the series' last state is {@code state}. */
    boolean awaitState(InstrumentId id, Bar bar, SeriesState state, Duration timeout) throws InterruptedException {
        return await(r -> r.last(id, bar) == state, timeout);
    }

    /** Waits until the series has had {@code n} more pushes than {@code before}. */
    boolean awaitPushes(InstrumentId id, Bar bar, long atLeast, Duration timeout) throws InterruptedException {
        return await(r -> r.pushCount(id, bar) >= atLeast, timeout);
    }

    /** Polls {@code condition} every 10 ms, for facts no listener call announces (counters, the fake's state). */
    static boolean poll(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
