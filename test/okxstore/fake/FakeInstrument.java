package okxstore.fake;

/**
 * An instrument the fake lists: id, type (derived from the id unless given), listing time,
 * state ({@code live}, {@code suspend}, {@code preopen}, ...) and whether the exchange knows it
 * at all (an unknown one answers 51001 and is missing from the instruments list). Immutable.
 */
public record FakeInstrument(String instId, String instType, long listTime, String state, boolean known) {

    public FakeInstrument {
        if (instId == null || instId.isEmpty() || instType == null || state == null) {
            throw new IllegalArgumentException("incomplete instrument " + instId + " " + instType + " " + state);
        }
    }

    /** A live instrument whose type follows OKX's id conventions. */
    public static FakeInstrument live(String instId, long listTime) {
        return new FakeInstrument(instId, typeOf(instId), listTime, "live", true);
    }

    /**
     * {@code BTC-USDT-SWAP} is SWAP, {@code BTC-USD-250808} FUTURES, {@code BTC-USD-250808-60000-C}
     * OPTION, anything else SPOT.
     */
    public static String typeOf(String instId) {
        String[] parts = instId.split("-");
        if (instId.endsWith("-SWAP")) {
            return "SWAP";
        }
        if (parts.length >= 5) {
            return "OPTION";
        }
        return parts.length == 3 && parts[2].chars().allMatch(Character::isDigit) ? "FUTURES" : "SPOT";
    }

    public FakeInstrument withState(String newState) {
        return new FakeInstrument(instId, instType, listTime, newState, known);
    }

    public FakeInstrument withKnown(boolean isKnown) {
        return new FakeInstrument(instId, instType, listTime, state, isKnown);
    }

    /** The base currency: the id's first part. */
    public String baseCcy() {
        return instId.split("-")[0];
    }

    /** The quote (or settlement) currency: the id's second part. */
    public String quoteCcy() {
        String[] parts = instId.split("-");
        return parts.length > 1 ? parts[1] : "USDT";
    }
}
