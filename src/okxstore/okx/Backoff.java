package okxstore.okx;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: attempt 1 waits about {@code base}, each further attempt
 * {@code factor} times longer, never more than {@code max}; {@code jitter} (0..1) is the share of
 * the delay drawn at random, so callers that failed together do not retry together. The random
 * generator is injected; with a seeded one the delays are reproducible. Thread-safe when it is.
 */
public record Backoff(Duration base, Duration max, double factor, double jitter, RandomGenerator random) {

    public static final double DEFAULT_FACTOR = 2.0;
    public static final double DEFAULT_JITTER = 0.5;

    public Backoff {
        if (base == null || base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("back-off base must be positive: " + base);
        }
        if (max == null || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("back-off max " + max + " is below its base " + base);
        }
        if (!(factor >= 1 && Double.isFinite(factor))) {
            throw new IllegalArgumentException("back-off factor must be at least 1: " + factor);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("back-off jitter must be in [0, 1]: " + jitter);
        }
        if (random == null) {
            throw new IllegalArgumentException("back-off needs a random generator");
        }
    }

    /** Doubling from {@code base} to {@code max} with half the delay random. */
    public static Backoff of(Duration base, Duration max, RandomGenerator random) {
        return new Backoff(base, max, DEFAULT_FACTOR, DEFAULT_JITTER, random);
    }

    /**
     * The wait before retry number {@code attempt} (1 for the first retry): the capped exponential
     * delay {@code d = min(max, base * factor^(attempt-1))} minus a random share of up to {@code jitter * d}.
     */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1: " + attempt);
        }
        double capped = Math.min((double) max.toNanos(), base.toNanos() * Math.pow(factor, attempt - 1.0));
        double share = jitter == 0 ? 1 : 1 - jitter * random.nextDouble();
        return Duration.ofNanos(Math.max(1L, (long) (capped * share)));
    }
}
