package okxstore.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * The layout of an instrument file, versioned by {@code PRAGMA user_version}. Step {@code i} of
 * {@link #STEPS} migrates version {@code i} to {@code i + 1}; a later release appends steps.
 * Candle tables are created lazily, one per bar, on its first write.
 */
public final class Schema {
    /** One migration step, run inside the migrating transaction. */
    @FunctionalInterface
    interface Step {
        void apply(Statement s) throws SQLException;
    }

    private static final List<Step> STEPS = List.of(Schema::version1);

    /** The schema version this okx-store writes. */
    public static final int CURRENT_VERSION = STEPS.size();

    static final String CANDLE_COLUMNS =
        "ts, open, high, low, close, vol, vol_ccy, vol_ccy_quote, confirmed, source, updated_at";

    private Schema() {
    }

    private static void version1(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS sync_state(bar TEXT PRIMARY KEY, history_floor INTEGER,"
            + " history_complete INTEGER NOT NULL DEFAULT 0, listing_floor INTEGER)");
        s.execute("CREATE TABLE IF NOT EXISTS holes(bar TEXT NOT NULL, from_ts INTEGER NOT NULL,"
            + " to_ts INTEGER NOT NULL, reason TEXT NOT NULL, checked_at INTEGER NOT NULL,"
            + " attempts INTEGER NOT NULL, PRIMARY KEY(bar, from_ts))");
    }

    /**
     * Brings a writable file to {@link #CURRENT_VERSION} in one transaction and records its
     * instrument and creation time; refuses a file of a newer version.
     */
    static void migrate(Connection c, String file, InstrumentId id, long nowMs) throws SQLException, NewerSchemaException {
        int found = Database.userVersion(c);
        if (found == CURRENT_VERSION) {
            return;
        }
        if (found > CURRENT_VERSION) {
            throw new NewerSchemaException(file, found);
        }
        Database.exec(c, "BEGIN IMMEDIATE");
        try (Statement s = c.createStatement()) {
            found = Database.userVersion(c); // another process may have migrated meanwhile
            if (found > CURRENT_VERSION) {
                throw new NewerSchemaException(file, found);
            }
            for (int v = found; v < CURRENT_VERSION; v++) {
                STEPS.get(v).apply(s);
            }
            try (PreparedStatement meta = c.prepareStatement("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)")) {
                meta.setString(1, "inst_id");
                meta.setString(2, id.value());
                meta.executeUpdate();
                meta.setString(1, "created_at");
                meta.setString(2, Long.toString(nowMs));
                meta.executeUpdate();
            }
            s.execute("PRAGMA user_version = " + CURRENT_VERSION);
            s.execute("COMMIT");
        } catch (SQLException | NewerSchemaException | RuntimeException e) {
            Database.rollbackQuietly(c);
            throw e;
        }
    }

    /** DDL of a bar's table; the name comes from the {@link Bar} enum, never from user text. */
    static String createCandleTable(Bar bar) {
        return "CREATE TABLE IF NOT EXISTS " + bar.tableName() + "(ts INTEGER PRIMARY KEY,"
            + " open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL,"
            + " vol REAL NOT NULL, vol_ccy REAL NOT NULL, vol_ccy_quote REAL NOT NULL,"
            + " confirmed INTEGER NOT NULL, source TEXT NOT NULL, updated_at INTEGER NOT NULL)";
    }

    /**
     * The upsert of DESIGN.md: a newer observation replaces the row, a confirmed one always beats an
     * unconfirmed one, an unconfirmed one never replaces a confirmed one, equal updated_at is a no-op.
     */
    static String upsertCandle(Bar bar) {
        return "INSERT INTO " + bar.tableName() + " AS t(" + CANDLE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT(ts) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low,"
            + " close = excluded.close, vol = excluded.vol, vol_ccy = excluded.vol_ccy,"
            + " vol_ccy_quote = excluded.vol_ccy_quote, confirmed = excluded.confirmed,"
            + " source = excluded.source, updated_at = excluded.updated_at"
            + " WHERE excluded.confirmed > t.confirmed"
            + " OR (excluded.confirmed = t.confirmed AND excluded.updated_at > t.updated_at)";
    }

    /** Binds a stored candle to the parameters of {@link #upsertCandle}, in {@link #CANDLE_COLUMNS} order. */
    static void bindUpsert(java.sql.PreparedStatement ps, StoredCandle sc) throws java.sql.SQLException {
        okxstore.candle.Candle c = sc.candle();
        ps.setLong(1, c.ts());
        ps.setDouble(2, c.open());
        ps.setDouble(3, c.high());
        ps.setDouble(4, c.low());
        ps.setDouble(5, c.close());
        ps.setDouble(6, c.vol());
        ps.setDouble(7, c.volCcy());
        ps.setDouble(8, c.volCcyQuote());
        ps.setInt(9, c.confirmed() ? 1 : 0);
        ps.setString(10, sc.source());
        ps.setLong(11, sc.updatedAt());
    }
}
