package okxstore.fake;

import java.util.Map;
import okxstore.candle.Bar;

/**
 * {@code /market/candles} and {@code /market/history-candles} (API-NOTES §3): newest first,
 * exclusive cursors, limit default 100 and max 300, the 1,440-bar horizon on candles, {@code 1s}
 * only on history (last 3 months). Both include the unfinished bar (whether history-candles does
 * is unconfirmed, API-NOTES §3.3: the stricter case for clients). Rows are generated on the fly.
 * Thread-safe.
 */
final class CandleEndpoint {
    static final int HORIZON_BARS = 1_440;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 300;
    static final long ONE_SECOND_RETENTION_MS = 90L * 86_400_000L;
    private static final int ROW_CHARS = 120;

    private final CandleTruth truth;
    private final Map<String, FakeInstrument> instruments;

    CandleEndpoint(CandleTruth truth, Map<String, FakeInstrument> instruments) {
        this.truth = truth;
        this.instruments = instruments;
    }

    Reply handle(Endpoint endpoint, Map<String, String> params) {
        String instId = params.get("instId");
        if (instId == null || instId.isEmpty()) {
            return Reply.missing("instId");
        }
        Bar bar = okxBar(params.getOrDefault("bar", ""));
        if (bar == null || bar == Bar.S1 && endpoint == Endpoint.CANDLES) {
            return Reply.badParam("bar"); // 1s only on history-candles, API-NOTES §7.7
        }
        Long after;
        Long before;
        Long limit;
        try {
            after = number(params, "after");
            before = number(params, "before");
            limit = number(params, "limit");
        } catch (BadParam e) {
            return Reply.badParam(e.getMessage());
        }
        if (limit != null && limit < 1) {
            return Reply.badParam("limit");
        }
        int rows = limit == null ? DEFAULT_LIMIT : (int) Math.min(limit, MAX_LIMIT);
        FakeInstrument instrument = instruments.get(instId);
        if (instrument == null || !instrument.known()) {
            return Reply.unknownInstrument();
        }
        long now = truth.clock().millis();
        long lowest = Long.MIN_VALUE;
        if (endpoint == Endpoint.CANDLES) {
            lowest = bar.plus(bar.openTime(now), -(HORIZON_BARS - 1)); // API-NOTES §7.1
        } else if (bar == Bar.S1) {
            lowest = now - ONE_SECOND_RETENTION_MS;
        }
        StringBuilder sb = new StringBuilder(32 + rows * ROW_CHARS).append('[');
        // both cursors are exclusive: ts < after, ts > before (API-NOTES §3.2)
        if ((after == null || after > Long.MIN_VALUE) && (before == null || before < Long.MAX_VALUE)) {
            long highest = after == null ? Long.MAX_VALUE : after - 1;
            lowest = before == null ? lowest : Math.max(lowest, before + 1);
            truth.newestFirst(instId, bar, highest, lowest, rows, b -> {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                b.appendJson(sb);
            });
        }
        return Reply.ok(sb.append(']'));
    }

    /** OKX's case-sensitive bar names; an absent or empty bar is {@code 1m}. */
    static Bar okxBar(String name) {
        if (name.isEmpty()) {
            return Bar.M1;
        }
        for (Bar b : Bar.values()) {
            if (b.okxName().equals(name)) {
                return b;
            }
        }
        return null;
    }

    private static Long number(Map<String, String> params, String name) throws BadParam {
        String v = params.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadParam(name);
        }
    }

    /** A parameter that is not a number; its message is the parameter's name. */
    private static final class BadParam extends Exception {
        private static final long serialVersionUID = 1L;

        BadParam(String name) {
            super(name, null, false, false);
        }
    }
}
