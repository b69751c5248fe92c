package okxstore.store;

/** A run of missing bars: {@code from} and {@code to} are the inclusive open times of its first and last bar. */
public record Gap(long from, long to, long bars) {
    public Gap {
        if (to < from || bars < 1) {
            throw new IllegalArgumentException("bad gap [" + from + ", " + to + "] of " + bars + " bars");
        }
    }
}
