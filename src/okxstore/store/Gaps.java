package okxstore.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import okxstore.candle.Bar;

/**
 * Missing bars of a table: fixed-length bars with one window query ({@code LEAD(ts)}), months and
 * quarters by walking the stored open times with {@link Bar#next}. Stateless.
 */
final class Gaps {
    private Gaps() {
    }

    /** Runs of bars opening in [lo, hi] (open times of bars) that have no row. */
    static List<Gap> find(Connection c, Bar bar, long lo, long hi) throws SQLException {
        List<Gap> gaps = new ArrayList<>();
        if (hi < lo) {
            return gaps;
        }
        String table = bar.tableName();
        long first;
        long last;
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(ts), MAX(ts) FROM " + table + " WHERE ts BETWEEN ? AND ?")) {
            ps.setLong(1, lo);
            ps.setLong(2, hi);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                first = rs.getLong(1);
                if (rs.wasNull()) {
                    add(gaps, bar, lo, hi);
                    return gaps;
                }
                last = rs.getLong(2);
            }
        }
        add(gaps, bar, lo, prevOpen(bar, first));
        String sql = bar.isCalendar()
            ? "SELECT ts FROM " + table + " WHERE ts BETWEEN ? AND ? ORDER BY ts"
            : "SELECT ts, nxt FROM (SELECT ts, LEAD(ts) OVER (ORDER BY ts) AS nxt FROM " + table
                + " WHERE ts BETWEEN ? AND ?) WHERE nxt > ts + " + bar.durationMillis();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                long prev = first;
                while (rs.next()) {
                    if (bar.isCalendar()) {
                        long ts = rs.getLong(1);
                        add(gaps, bar, nextOpen(bar, prev), prevOpen(bar, ts));
                        prev = ts;
                    } else {
                        add(gaps, bar, nextOpen(bar, rs.getLong(1)), prevOpen(bar, rs.getLong(2)));
                    }
                }
            }
        }
        add(gaps, bar, nextOpen(bar, last), hi);
        return gaps;
    }

    /** The parts of {@code gaps} no hole covers; {@code holes} sorted by their start. */
    static List<Gap> subtract(List<Gap> gaps, List<Hole> holes, Bar bar) {
        List<Gap> open = new ArrayList<>();
        for (Gap gap : gaps) {
            long cur = gap.from();
            for (Hole hole : holes) {
                if (cur > gap.to()) {
                    break;
                }
                if (hole.to() < cur || hole.from() > gap.to()) {
                    continue;
                }
                add(open, bar, cur, Math.min(gap.to(), prevOpen(bar, hole.from())));
                cur = Math.max(cur, nextOpen(bar, hole.to()));
            }
            add(open, bar, cur, gap.to());
        }
        return open;
    }

    /** The first bar open time at or after {@code t}. */
    static long ceil(Bar bar, long t) {
        long open = bar.openTime(t);
        return open == t ? t : bar.next(open);
    }

    /** Open time of the last bar that opens before {@code t}. */
    private static long prevOpen(Bar bar, long t) {
        return bar.openTime(t - 1);
    }

    /** Open time of the first bar that opens after {@code t}. */
    private static long nextOpen(Bar bar, long t) {
        return bar.next(bar.openTime(t));
    }

    private static void add(List<Gap> gaps, Bar bar, long from, long to) {
        if (from <= to) {
            gaps.add(new Gap(from, to, bar.countBetween(from, to)));
        }
    }
}
