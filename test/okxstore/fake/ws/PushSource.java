package okxstore.fake.ws;

import java.util.Set;
import okxstore.candle.Bar;

/**
 * Where the fake socket's candle pushes come from: the truth about each bar as it stands at
 * a moment. The server decides when to push and sets the {@code confirm} field itself
 * ("0" while the bar forms, "1" on the one closing push). Implementations must be thread-safe.
 */
public interface PushSource {

    /** True when the fake serves {@code instId}; a subscription to any other gets 60018. */
    boolean knows(String instId);

    /**
     * The 9-string row {@code [ts,o,h,l,c,vol,volCcy,volCcyQuote,confirm]} of the bar opening at
     * {@code openMs} as it stands at {@code nowMs}, or null when there is nothing to push
     * (no trade yet). The last field is overwritten by the server.
     */
    String[] row(String instId, Bar bar, long openMs, long nowMs);

    /**
     * A trivial deterministic source for the instruments given: prices move with the bar's open
     * time and grow by 0.1 per second elapsed in the bar, volumes are constant.
     */
    static PushSource synthetic(Set<String> instIds) {
        Set<String> known = Set.copyOf(instIds);
        return new PushSource() {
            @Override
            public boolean knows(String instId) {
                return known.contains(instId);
            }

            @Override
            public String[] row(String instId, Bar bar, long openMs, long nowMs) {
                long base = 1000 + Math.floorMod(instId.hashCode(), 9000);
                long open = base * 10 + Math.floorMod(openMs / 1000, 1000);
                long elapsed = Math.max(0, Math.min(nowMs, bar.next(openMs)) - openMs) / 1000;
                long close = open + Math.min(elapsed, 50);
                return new String[] {Long.toString(openMs), tenths(open), tenths(close + 5), tenths(open - 5),
                    tenths(close), "1.5", tenths(close * 15), tenths(close * 15), "0"};
            }
        };
    }

    private static String tenths(long tenths) {
        return tenths / 10 + "." + tenths % 10;
    }
}
