package okxstore.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.Set;
import okxstore.candle.Bar;

/**
 * The open times a bar's rows must have, as {@code verify} and {@code import} check them: the
 * {@link Bar}'s own grid, except for 2D and 3D (and their utc variants), whose anchor is taken from
 * the stored bars themselves ({@link Bar#openTime}'s epoch-based anchor for those is a guess).
 * For fixed-length bars {@code anchor} is one open time; calendar bars use {@link Bar#isOnGrid}. Immutable.
 */
record VerifyGrid(Bar bar, long anchor) {
    private static final Set<Bar> ANCHORED_BY_DATA = Set.of(Bar.D2, Bar.D3, Bar.D2_UTC, Bar.D3_UTC);

    /** True when the bar's grid is taken from stored rows rather than from {@link Bar#openTime}. */
    static boolean anchoredByData(Bar bar) {
        return ANCHORED_BY_DATA.contains(bar);
    }

    /** The bar's own grid. */
    static VerifyGrid standard(Bar bar) {
        return new VerifyGrid(bar, bar.isCalendar() ? 0 : bar.openTime(0));
    }

    /** The grid through {@code ts} for a data-anchored bar, the bar's own grid otherwise. */
    static VerifyGrid through(Bar bar, long ts) {
        return anchoredByData(bar) ? new VerifyGrid(bar, ts) : standard(bar);
    }

    /**
     * The grid of a stored table: for a data-anchored bar, the phase most of its rows share (so one
     * stray row does not put every other row off the grid); empty when such a table has no rows.
     */
    static OptionalLong storedAnchor(Connection c, Bar bar) throws SQLException {
        if (!anchoredByData(bar) || !Database.hasTable(c, bar.tableName())) {
            return OptionalLong.empty();
        }
        long len = bar.durationMillis();
        try (PreparedStatement ps = c.prepareStatement("SELECT ((ts % ?) + ?) % ? AS phase FROM " + bar.tableName()
            + " GROUP BY phase ORDER BY COUNT(*) DESC, phase LIMIT 1")) {
            ps.setLong(1, len);
            ps.setLong(2, len);
            ps.setLong(3, len);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** The grid rows of this table should be on: {@link #storedAnchor}, else the bar's own. */
    static VerifyGrid ofTable(Connection c, Bar bar) throws SQLException {
        OptionalLong anchor = storedAnchor(c, bar);
        return anchor.isPresent() ? new VerifyGrid(bar, anchor.getAsLong()) : standard(bar);
    }

    boolean isOn(long ts) {
        return bar.isCalendar() ? bar.isOnGrid(ts) : Math.floorMod(ts - anchor, bar.durationMillis()) == 0;
    }

    /** For messages: "a 1m open time", or "on the 2D grid of the other bars". */
    String describe() {
        return anchoredByData(bar) ? "on the " + bar + " grid of the other " + bar + " bars"
            : "a " + bar + " open time";
    }
}
