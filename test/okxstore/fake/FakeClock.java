package okxstore.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.time.InstantSource;

/**
 * A settable clock for tests: time stands still until {@link #set} or {@link #advance} moves it.
 * Thread-safe; every reader sees the latest value.
 */
public final class FakeClock implements InstantSource {
    private final AtomicLong epochMs;

    public FakeClock(long epochMs) {
        this.epochMs = new AtomicLong(epochMs);
    }

    public FakeClock(Instant instant) {
        this(instant.toEpochMilli());
    }

    /** A clock standing at an ISO-8601 instant such as {@code 2026-01-15T12:00:30Z}. */
    public static FakeClock at(String isoInstant) {
        return new FakeClock(Instant.parse(isoInstant));
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(epochMs.get());
    }

    @Override
    public long millis() {
        return epochMs.get();
    }

    public void set(long newEpochMs) {
        epochMs.set(newEpochMs);
    }

    public void set(Instant instant) {
        set(instant.toEpochMilli());
    }

    /** Moves the clock by {@code millis} (backwards when negative) and returns the new time. */
    public long advanceMillis(long millis) {
        return epochMs.addAndGet(millis);
    }

    /** Moves the clock by {@code d} and returns the new time in epoch ms. */
    public long advance(Duration d) {
        return advanceMillis(d.toMillis());
    }

    @Override
    public String toString() {
        return "FakeClock[" + instant() + "]";
    }
}
