package okxstore.config;

import java.util.List;
import java.util.Map;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * What to keep for one instrument: its bars, days of history per bar, how live data comes in
 * ({@code websocket}, {@code polling} or {@code hybrid}, already resolved from {@code auto}),
 * the polling period and whether it is synced at all.
 */
public record InstrumentSettings(InstrumentId id, List<Bar> bars, Map<Bar, Integer> historyDays,
                                 String mode, int syncIntervalSeconds, boolean enabled) {

    public InstrumentSettings {
        bars = List.copyOf(bars);
        historyDays = Map.copyOf(historyDays);
    }

    /** Days of history to keep for one bar. */
    public int historyDays(Bar bar) {
        return historyDays.getOrDefault(bar, 30);
    }
}
