package okxstore.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import okxstore.store.CandleCursor;
import okxstore.store.StoreReader;
import okxstore.store.StoredCandle;

/** Compares what a data directory holds with the fake exchange's truth. */
public final class TruthCheck {
    private TruthCheck() {
    }

    /** Every stored candle of a series, oldest first. */
    public static List<StoredCandle> stored(Path dataDir, InstrumentId id, Bar bar) {
        List<StoredCandle> out = new ArrayList<>();
        try (StoreReader r = new StoreReader(dataDir);
             CandleCursor c = r.range(id, bar, Long.MIN_VALUE, Long.MAX_VALUE)) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    /** Asserts the store holds exactly the truth's closed bars with open time in [from, to): none missing, none wrong, all confirmed. */
    public static void assertEqualsTruth(CandleTruth truth, Path dataDir, String id, Bar bar, long from, long to) {
        List<Candle> expected = truth.closedCandles(id, bar, from, to);
        List<Candle> got = stored(dataDir, InstrumentId.parse(id), bar).stream()
            .map(StoredCandle::candle).filter(c -> c.ts() >= from && c.ts() < to).toList();
        List<Long> missing = new ArrayList<>();
        java.util.Set<Long> have = new java.util.HashSet<>();
        got.forEach(c -> have.add(c.ts()));
        expected.forEach(c -> {
            if (!have.contains(c.ts())) {
                missing.add(c.ts());
            }
        });
        assertEquals(List.of(), missing.subList(0, Math.min(10, missing.size())), id + "/" + bar + " missing bars");
        assertEquals(expected.size(), got.size(), id + "/" + bar + " rows");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), got.get(i), id + "/" + bar + " row " + i);
        }
    }
}
