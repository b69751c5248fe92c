package okxstore.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;

/**
 * The checks of one bar table: continuity (gaps no recorded hole covers), candle sanity, the grid,
 * and bars left unconfirmed after their period ended. Fixed-length bars are checked in SQL;
 * months and quarters, which are few, row by row. Stateless.
 */
final class VerifyTable {
    /** DESIGN: a closed bar is stored confirmed within 20 s after its period ends. */
    static final long CONFIRM_GRACE_MS = 20_000;
    private static final String INSANE = "NOT (high >= low AND high >= open AND high >= close AND low <= open"
        + " AND low <= close AND vol >= 0 AND vol_ccy >= 0 AND vol_ccy_quote >= 0)";

    private VerifyTable() {
    }

    /** Checks {@code bar}'s table; adds a problem per kind found. {@code writtenAt}: when the file was last written. */
    static VerifyReport.SeriesResult check(Connection c, String file, InstrumentId id, Bar bar, OptionalLong writtenAt,
                                           List<VerifyReport.Problem> problems) throws SQLException {
        ManifestEntry.Series s = ManifestEntry.summarize(c, bar);
        if (s.rows() == 0) {
            return new VerifyReport.SeriesResult(bar, 0, s.first(), s.last(), List.of(), 0, 0, 0, 0, 0);
        }
        String table = bar.tableName();
        VerifyGrid grid = VerifyGrid.ofTable(c, bar);
        GapTally gaps = new GapTally(Verifier.LISTED_GAPS);
        List<Hole> holes = holes(c, bar);
        if (bar.isCalendar()) {
            List<Gap> all = Gaps.find(c, bar, s.first().getAsLong(), s.last().getAsLong());
            Gaps.subtract(all, holes, bar).forEach(gaps::add);
        } else {
            fixedGaps(c, bar, holes, gaps);
        }
        long[] insane = countAndFirst(c, "SELECT COUNT(*), MIN(ts) FROM " + table + " WHERE " + INSANE);
        long[] offGrid;
        long[] stale = {0, 0};
        if (bar.isCalendar()) {
            offGrid = calendarOffGrid(c, bar);
            if (writtenAt.isPresent()) {
                stale = calendarStale(c, bar, writtenAt.getAsLong());
            }
        } else {
            long len = bar.durationMillis();
            offGrid = countAndFirst(c, "SELECT COUNT(*), MIN(ts) FROM " + table + " WHERE ((ts - ?) % ?) != 0",
                grid.anchor(), len);
            if (writtenAt.isPresent()) {
                stale = countAndFirst(c, "SELECT COUNT(*), MIN(ts) FROM " + table
                    + " WHERE confirmed = 0 AND ts <= ?", writtenAt.getAsLong() - CONFIRM_GRACE_MS - len);
            }
        }
        if (gaps.count > 0) {
            Gap g = gaps.listed.get(0);
            problems.add(problem(VerifyReport.Kind.GAP, file, id, bar, plural(gaps.count, "gap")
                + " not recorded as holes, " + plural(gaps.missing, "bar") + " missing (the first " + iso(g.from())
                + " .. " + iso(g.to()) + ")"));
        }
        if (insane[0] > 0) {
            problems.add(problem(VerifyReport.Kind.INSANE, file, id, bar, plural(insane[0], "row")
                + " break candle sanity (the first at " + iso(insane[1]) + ": " + insanity(c, bar, insane[1]) + ")"));
        }
        if (offGrid[0] > 0) {
            problems.add(problem(VerifyReport.Kind.OFF_GRID, file, id, bar, plural(offGrid[0], "row") + " off the grid"
                + " (the first at " + iso(offGrid[1]) + " is not " + grid.describe() + ")"));
        }
        if (stale[0] > 0) {
            problems.add(problem(VerifyReport.Kind.UNCONFIRMED, file, id, bar, plural(stale[0], "bar")
                + " unconfirmed although the period had ended when the file was last written ("
                + iso(writtenAt.getAsLong()) + "; the first at " + iso(stale[1]) + ")"));
        }
        return new VerifyReport.SeriesResult(bar, s.rows(), s.first(), s.last(), gaps.listed, gaps.count, gaps.missing,
            insane[0], offGrid[0], stale[0]);
    }

    /** Gaps between consecutive rows ({@code LEAD}), minus the recorded holes. */
    private static void fixedGaps(Connection c, Bar bar, List<Hole> holes, GapTally out) throws SQLException {
        long len = bar.durationMillis();
        try (PreparedStatement ps = c.prepareStatement("SELECT ts, nxt FROM (SELECT ts, LEAD(ts) OVER (ORDER BY ts)"
            + " AS nxt FROM " + bar.tableName() + ") WHERE nxt > ts + ?")) {
            ps.setLong(1, len);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long ts = rs.getLong(1);
                    long from = ts + len;
                    long to = ts + (rs.getLong(2) - ts - 1) / len * len;
                    subtract(from, to, len, holes, out);
                }
            }
        }
    }

    /** Adds the bars of [from, to] (a fixed grid of {@code len}) that no hole covers; holes sorted by start. */
    static void subtract(long from, long to, long len, List<Hole> holes, GapTally out) {
        long cur = from;
        for (Hole h : holes) {
            if (cur > to) {
                return;
            }
            if (h.to() < cur || h.from() > to) {
                continue;
            }
            if (h.from() > cur) {
                out.add(cur, Math.min(to, cur + Math.floorDiv(h.from() - 1 - cur, len) * len), len);
            }
            cur = Math.max(cur, cur + (Math.floorDiv(h.to() - cur, len) + 1) * len);
        }
        out.add(cur, to, len);
    }

    /** Recorded holes of a bar, by start; none when the file has no holes table. */
    static List<Hole> holes(Connection c, Bar bar) throws SQLException {
        List<Hole> holes = new ArrayList<>();
        if (!Database.hasTable(c, "holes")) {
            return holes;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT from_ts, to_ts, reason, checked_at, attempts FROM holes"
            + " WHERE bar = ? ORDER BY from_ts")) {
            ps.setString(1, bar.okxName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holes.add(new Hole(bar, rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getInt(5)));
                }
            }
        }
        return holes;
    }

    private static long[] calendarOffGrid(Connection c, Bar bar) throws SQLException {
        long[] found = {0, 0};
        try (PreparedStatement ps = c.prepareStatement("SELECT ts FROM " + bar.tableName() + " ORDER BY ts");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tally(found, rs.getLong(1), !bar.isOnGrid(rs.getLong(1)));
            }
        }
        return found;
    }

    private static long[] calendarStale(Connection c, Bar bar, long writtenAt) throws SQLException {
        long[] found = {0, 0};
        try (PreparedStatement ps = c.prepareStatement("SELECT ts FROM " + bar.tableName()
            + " WHERE confirmed = 0 ORDER BY ts");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long ts = rs.getLong(1);
                tally(found, ts, bar.next(bar.openTime(ts)) + CONFIRM_GRACE_MS <= writtenAt);
            }
        }
        return found;
    }

    private static void tally(long[] found, long ts, boolean hit) {
        if (hit && found[0]++ == 0) {
            found[1] = ts;
        }
    }

    /** {count, first ts} of a {@code SELECT COUNT(*), MIN(ts)} query. */
    private static long[] countAndFirst(Connection c, String sql, long... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setLong(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static String insanity(Connection c, Bar bar, long ts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT open, high, low, close, vol, vol_ccy, vol_ccy_quote"
            + " FROM " + bar.tableName() + " WHERE ts = ?")) {
            ps.setLong(1, ts);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String why = new Candle(ts, rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                    rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), true).insanity();
                return why == null ? "a field is not a number" : why;
            }
        }
    }

    static VerifyReport.Problem problem(VerifyReport.Kind kind, String file, InstrumentId id, Bar bar, String message) {
        return new VerifyReport.Problem(kind, file, id, bar, message);
    }

    static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Counts gaps and missing bars, keeping the first few. */
    static final class GapTally {
        private final int keep;
        final List<Gap> listed = new ArrayList<>();
        long count;
        long missing;

        GapTally(int keep) {
            this.keep = keep;
        }

        void add(Gap g) {
            count++;
            missing += g.bars();
            if (listed.size() < keep) {
                listed.add(g);
            }
        }

        void add(long from, long to, long len) {
            if (from <= to) {
                add(new Gap(from, to, (to - from) / len + 1));
            }
        }
    }
}
