package okxstore.sync;

import java.util.ArrayList;
import java.util.List;

import okxstore.candle.Bar;
import okxstore.store.Gap;

/** Pure arithmetic on bar grids: which bars of a range a sorted set of open times lacks. */
final class Missing {
    private Missing() {
    }

    /**
     * The runs of bars in [{@code first}, {@code last}] (open times on the grid, inclusive) whose
     * open time is not in {@code present} (sorted ascending; values outside the range are ignored).
     */
    static List<Gap> ranges(Bar bar, long first, long last, long[] present) {
        List<Gap> gaps = new ArrayList<>();
        if (last < first) {
            return gaps;
        }
        long expected = first;
        for (long ts : present) {
            if (ts < expected) {
                continue;
            }
            if (ts > last) {
                break;
            }
            if (ts > expected) {
                long to = bar.plus(ts, -1);
                gaps.add(new Gap(expected, to, bar.countBetween(expected, to)));
            }
            expected = bar.next(ts);
        }
        if (expected <= last) {
            gaps.add(new Gap(expected, last, bar.countBetween(expected, last)));
        }
        return gaps;
    }
}
