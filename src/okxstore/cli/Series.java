package okxstore.cli;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/** An instrument and bar given on the command line, validated: a bad id or bar is a usage error. */
record Series(InstrumentId id, Bar bar) {

    static Series parse(Args args, int idIndex) {
        return new Series(id(args.required(idIndex, "an instrument id such as BTC-USDT")),
            bar(args.required(idIndex + 1, "a bar such as 1m, 1H or 1Dutc")));
    }

    static InstrumentId id(String text) {
        try {
            return InstrumentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    static Bar bar(String text) {
        try {
            return Bar.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return id + " " + bar;
    }
}
