package okxstore.candle;

/**
 * An instrument as the exchange lists it: type (SPOT, SWAP, FUTURES, ...), state (live,
 * suspend, preopen, ...), listing time (epoch ms, 0 when unknown) and expiry (0 when none).
 */
public record Instrument(InstrumentId id, String type, String state, long listTime, long expiryTime) {

    /** True when the instrument trades and should be polled and subscribed. */
    public boolean isLive() {
        return "live".equals(state);
    }
}
