package okxstore.okx;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link InstantSource} that moves only when told. Thread-safe. */
final class WsManualClock implements InstantSource {

    private final AtomicLong millis;

    WsManualClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    void advance(long ms) {
        millis.addAndGet(ms);
    }
}
