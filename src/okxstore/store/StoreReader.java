package okxstore.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * Read-only queries over a data directory. Files are opened lazily, read-only, and never created:
 * a missing file or table reads as empty. Works beside a writer (WAL) and on a directory the user
 * cannot write when the files are not in WAL mode (snapshots). Thread-safe: each file's connection
 * is used by one thread at a time; call it from platform threads (sqlite-jdbc pins a virtual
 * thread's carrier, PITFALLS). Times are bar open times in epoch ms, ranges inclusive.
 */
public final class StoreReader implements AutoCloseable {
    /** Rows per page of a {@link #range} cursor: each page is one short read transaction. */
    public static final int DEFAULT_PAGE_SIZE = 4096;

    private final DataDir dir;
    private final int pageSize;
    private final ConcurrentHashMap<InstrumentId, ReaderFile> files = new ConcurrentHashMap<>();

    public StoreReader(Path dataDir) {
        this(dataDir, DEFAULT_PAGE_SIZE);
    }

    public StoreReader(Path dataDir, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
        }
        this.dir = new DataDir(dataDir);
        this.pageSize = pageSize;
    }

    /** Instruments with a database file in the directory, sorted. */
    public List<InstrumentId> instruments() throws StoreException {
        try {
            return dir.instruments();
        } catch (IOException e) {
            throw new StoreException(dir.root() + ": cannot list the data directory: " + e.getMessage(), e);
        }
    }

    /** Bars that have a table in the instrument's file, in {@link Bar} order. */
    public List<Bar> bars(InstrumentId id) throws StoreException {
        return file(id).read(null, List.of(), Queries::bars);
    }

    public Optional<StoredCandle> latest(InstrumentId id, Bar bar) throws StoreException {
        List<StoredCandle> rows = recent(id, bar, 1);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The newest {@code n} candles, oldest first. */
    public List<StoredCandle> recent(InstrumentId id, Bar bar, int n) throws StoreException {
        if (n < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + n);
        }
        String sql = "SELECT " + Schema.CANDLE_COLUMNS + " FROM (SELECT " + Schema.CANDLE_COLUMNS
            + " FROM " + bar.tableName() + " ORDER BY ts DESC LIMIT ?) ORDER BY ts";
        return file(id).read(bar.tableName(), List.of(), c -> Queries.candles(c, id, bar, sql, n));
    }

    /** Streams the candles opening in [from, to], oldest first, a page at a time. */
    public CandleCursor range(InstrumentId id, Bar bar, long fromInclusive, long toInclusive) {
        String sql = "SELECT " + Schema.CANDLE_COLUMNS + " FROM " + bar.tableName()
            + " WHERE ts >= ? AND ts <= ? ORDER BY ts LIMIT ?";
        return new CandleCursor((from, to, limit) -> file(id).read(bar.tableName(), List.of(),
            c -> Queries.candles(c, id, bar, sql, from, to, limit)), fromInclusive, toInclusive, pageSize);
    }

    public long count(InstrumentId id, Bar bar) throws StoreException {
        return number(id, bar, "SELECT COUNT(*) FROM " + bar.tableName()).orElse(0);
    }

    public long count(InstrumentId id, Bar bar, long fromInclusive, long toInclusive) throws StoreException {
        return number(id, bar, "SELECT COUNT(*) FROM " + bar.tableName() + " WHERE ts >= ? AND ts <= ?",
            fromInclusive, toInclusive).orElse(0);
    }

    public OptionalLong firstTs(InstrumentId id, Bar bar) throws StoreException {
        return number(id, bar, "SELECT MIN(ts) FROM " + bar.tableName());
    }

    public OptionalLong lastTs(InstrumentId id, Bar bar) throws StoreException {
        return number(id, bar, "SELECT MAX(ts) FROM " + bar.tableName());
    }

    public SeriesSummary summary(InstrumentId id, Bar bar) throws StoreException {
        return file(id).read(bar.tableName(), SeriesSummary.EMPTY, c -> Queries.summary(c, bar));
    }

    /** Open times of stored bars in [from, to] not yet confirmed, oldest first. */
    public List<Long> unconfirmed(InstrumentId id, Bar bar, long fromInclusive, long toInclusive) throws StoreException {
        return file(id).read(bar.tableName(), List.of(), c -> Queries.longs(c, "SELECT ts FROM " + bar.tableName()
            + " WHERE ts >= ? AND ts <= ? AND confirmed = 0 ORDER BY ts", fromInclusive, toInclusive));
    }

    /** Open time of the newest confirmed bar (a backwards scan from the newest row, stopping at the first). */
    public OptionalLong lastConfirmedTs(InstrumentId id, Bar bar) throws StoreException {
        return number(id, bar, "SELECT ts FROM " + bar.tableName() + " WHERE confirmed = 1 ORDER BY ts DESC LIMIT 1");
    }

    /** Missing bars between the first and the last stored bar. */
    public List<Gap> gaps(InstrumentId id, Bar bar) throws StoreException {
        return file(id).read(bar.tableName(), List.of(), c -> {
            OptionalLong first = Queries.number(c, "SELECT MIN(ts) FROM " + bar.tableName());
            OptionalLong last = Queries.number(c, "SELECT MAX(ts) FROM " + bar.tableName());
            return first.isEmpty() ? List.of() : Gaps.find(c, bar, first.getAsLong(), last.getAsLong());
        });
    }

    /** Missing bars opening in [from, to], including before the first and after the last stored bar. */
    public List<Gap> gaps(InstrumentId id, Bar bar, long fromInclusive, long toInclusive) throws StoreException {
        long lo = Gaps.ceil(bar, fromInclusive);
        long hi = bar.openTime(toInclusive);
        if (hi < lo) {
            return List.of();
        }
        List<Gap> whole = List.of(new Gap(lo, hi, bar.countBetween(lo, hi)));
        return file(id).read(bar.tableName(), whole, c -> Gaps.find(c, bar, lo, hi));
    }

    /** {@link #gaps(InstrumentId, Bar)} without the ranges recorded as holes (whatever their reason). */
    public List<Gap> openGaps(InstrumentId id, Bar bar) throws StoreException {
        return Gaps.subtract(gaps(id, bar), holes(id, bar), bar);
    }

    /** {@link #gaps(InstrumentId, Bar, long, long)} without the ranges recorded as holes. */
    public List<Gap> openGaps(InstrumentId id, Bar bar, long fromInclusive, long toInclusive) throws StoreException {
        return Gaps.subtract(gaps(id, bar, fromInclusive, toInclusive), holes(id, bar), bar);
    }

    /** Recorded holes of a bar, by start. */
    public List<Hole> holes(InstrumentId id, Bar bar) throws StoreException {
        return file(id).read("holes", List.of(), c -> Queries.holes(c, bar));
    }

    public SyncState syncState(InstrumentId id, Bar bar) throws StoreException {
        return file(id).read("sync_state", SyncState.empty(bar), c -> Queries.syncState(c, bar));
    }

    /** The file's {@code user_version}; 0 when there is no file. */
    public int schemaVersion(InstrumentId id) throws StoreException {
        return file(id).read(null, 0, Database::userVersion);
    }

    /** Closes the instrument's connection (before its file is deleted, say); a later query opens it again. */
    public void release(InstrumentId id) {
        ReaderFile f = files.remove(id);
        if (f != null) {
            f.close();
        }
    }

    @Override
    public void close() {
        files.keySet().forEach(this::release);
    }

    private ReaderFile file(InstrumentId id) {
        return files.computeIfAbsent(id, i -> new ReaderFile(dir.file(i)));
    }

    private OptionalLong number(InstrumentId id, Bar bar, String sql, long... args) throws StoreException {
        return file(id).read(bar.tableName(), OptionalLong.empty(), c -> Queries.number(c, sql, args));
    }
}
