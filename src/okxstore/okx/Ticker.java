package okxstore.okx;

/** A monotonic nanosecond source, injected so that time-based decisions are testable without sleeping. */
@FunctionalInterface
public interface Ticker {

    long nanos();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
