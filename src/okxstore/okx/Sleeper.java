package okxstore.okx;

import java.time.Duration;

/** Blocks the calling thread for a while; injected beside {@link Ticker} so that tests need not sleep. */
@FunctionalInterface
public interface Sleeper {

    void sleepNanos(long nanos) throws InterruptedException;

    /** {@link Thread#sleep(Duration)}: cheap on a virtual thread. */
    static Sleeper system() {
        return nanos -> {
            if (nanos > 0) {
                Thread.sleep(Duration.ofNanos(nanos));
            }
        };
    }
}
