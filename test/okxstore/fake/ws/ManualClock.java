package okxstore.fake.ws;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A settable {@link InstantSource} for tests: time moves only when told. Thread-safe. */
final class ManualClock implements InstantSource {

    private final AtomicLong millis;

    ManualClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    void advance(Duration d) {
        millis.addAndGet(d.toMillis());
    }

    void set(Instant t) {
        millis.set(t.toEpochMilli());
    }
}
