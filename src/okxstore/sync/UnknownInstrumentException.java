package okxstore.sync;

import okxstore.candle.ExchangeException;
import okxstore.candle.InstrumentId;

/** The exchange does not list this instrument. */
public final class UnknownInstrumentException extends ExchangeException {
    private static final long serialVersionUID = 1L;

    public UnknownInstrumentException(InstrumentId id) {
        super(Kind.UNKNOWN_INSTRUMENT, "51001", "instrument " + id + " does not exist on OKX");
    }
}
