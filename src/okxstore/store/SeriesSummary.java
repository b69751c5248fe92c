package okxstore.store;

import java.util.OptionalLong;

/** Rows of one bar table: how many, the first and last open time, how many are confirmed, the newest {@code updated_at}. */
public record SeriesSummary(long rows, OptionalLong firstTs, OptionalLong lastTs, long confirmedRows,
                            OptionalLong lastUpdatedAt) {
    public static final SeriesSummary EMPTY =
        new SeriesSummary(0, OptionalLong.empty(), OptionalLong.empty(), 0, OptionalLong.empty());
}
