package okxstore.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the {@link CandleWriter}.
 *
 * @param batchSize          most queued operations committed together
 * @param maxDelay           longest a queued operation waits before its commit starts
 * @param queueCapacity      bound of the queue; producers block when it is full (back-pressure)
 * @param idleClose          a file unused this long has its connection closed
 * @param busyTimeout        SQLite's wait on a lock held by another process before SQLITE_BUSY
 * @param retryBackoff       first wait before retrying a failed commit; doubles up to 64 times this
 * @param checkpointInterval a file with new rows is checkpointed (PASSIVE) at most this often
 */
public record WriterSettings(int batchSize, Duration maxDelay, int queueCapacity, Duration idleClose,
                             Duration busyTimeout, Duration retryBackoff, Duration checkpointInterval) {
    public static final int DEFAULT_BATCH_SIZE = 2000;
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(50);
    public static final int DEFAULT_QUEUE_CAPACITY = 100_000;
    public static final Duration DEFAULT_IDLE_CLOSE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    public WriterSettings {
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(idleClose, "idleClose");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        positive("batchSize", batchSize);
        positive("queueCapacity", queueCapacity);
        notNegative("maxDelay", maxDelay);
        notNegative("idleClose", idleClose);
        notNegative("busyTimeout", busyTimeout);
        notNegative("checkpointInterval", checkpointInterval);
        if (retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("writer retryBackoff must be positive, got " + retryBackoff);
        }
    }

    /** The four knobs of the config file; the rest take their defaults. */
    public WriterSettings(int batchSize, Duration maxDelay, int queueCapacity, Duration idleClose) {
        this(batchSize, maxDelay, queueCapacity, idleClose, Database.BUSY_TIMEOUT, DEFAULT_RETRY_BACKOFF,
            DEFAULT_CHECKPOINT_INTERVAL);
    }

    public static WriterSettings defaults() {
        return new WriterSettings(DEFAULT_BATCH_SIZE, DEFAULT_MAX_DELAY, DEFAULT_QUEUE_CAPACITY, DEFAULT_IDLE_CLOSE);
    }

    public WriterSettings withBusyTimeout(Duration timeout) {
        return new WriterSettings(batchSize, maxDelay, queueCapacity, idleClose, timeout, retryBackoff, checkpointInterval);
    }

    public WriterSettings withRetryBackoff(Duration backoff) {
        return new WriterSettings(batchSize, maxDelay, queueCapacity, idleClose, busyTimeout, backoff, checkpointInterval);
    }

    public WriterSettings withCheckpointInterval(Duration interval) {
        return new WriterSettings(batchSize, maxDelay, queueCapacity, idleClose, busyTimeout, retryBackoff, interval);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("writer " + name + " must be at least 1, got " + value);
        }
    }

    private static void notNegative(String name, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("writer " + name + " must not be negative, got " + value);
        }
    }
}
