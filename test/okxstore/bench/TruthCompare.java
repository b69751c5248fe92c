package okxstore.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import okxstore.fake.CandleTruth;
import okxstore.store.CandleCursor;
import okxstore.store.StoreReader;
import okxstore.store.StoredCandle;

/** "0 lost" of figure 4: every closed 1m bar in a range stored, confirmed and equal to the fake's truth. */
final class TruthCompare {
    record Result(long checked, long missing, long wrong) {
    }

    private TruthCompare() {
    }

    /** Compares the bars opening in [from, to) of every instrument, read-only beside the running daemon. */
    static Result compare(CandleTruth truth, Path data, List<String> ids, long from, long to) {
        long checked = 0;
        long missing = 0;
        long wrong = 0;
        try (StoreReader reader = new StoreReader(data)) {
            for (String id : ids) {
                Map<Long, Candle> stored = new HashMap<>();
                try (CandleCursor c = reader.range(InstrumentId.parse(id), Bar.M1, from, to - 1)) {
                    while (c.hasNext()) {
                        StoredCandle s = c.next();
                        stored.put(s.ts(), s.candle());
                    }
                }
                for (Candle expected : truth.closedCandles(id, Bar.M1, from, to)) {
                    checked++;
                    Candle got = stored.get(expected.ts());
                    if (got == null) {
                        missing++;
                    } else if (!got.equals(expected)) {
                        wrong++;
                    }
                }
            }
        }
        return new Result(checked, missing, wrong);
    }
}
