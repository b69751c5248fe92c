package okxstore.store;

import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Candles of a time range, oldest first, read in pages by {@code ts}: each page is one short query,
 * so a long export neither holds the range in memory nor keeps the WAL from being reset.
 * Between pages no statement is open. Not thread-safe. Read errors surface as {@link UncheckedIOException}.
 */
public final class CandleCursor implements Iterator<StoredCandle>, AutoCloseable {
    /** Reads at most {@code limit} candles opening in [from, to], oldest first. */
    @FunctionalInterface
    interface PageReader {
        List<StoredCandle> read(long from, long to, int limit) throws StoreException;
    }

    private final PageReader reader;
    private final long to;
    private final int pageSize;
    private final ArrayDeque<StoredCandle> page = new ArrayDeque<>();
    private long nextFrom;
    private boolean exhausted;

    CandleCursor(PageReader reader, long from, long to, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
        }
        this.reader = reader;
        this.nextFrom = from;
        this.to = to;
        this.pageSize = pageSize;
        this.exhausted = to < from;
    }

    /** A cursor over nothing, for a missing file or table. */
    static CandleCursor empty() {
        return new CandleCursor((f, t, n) -> List.of(), 1, 0, 1);
    }

    @Override
    public boolean hasNext() {
        if (page.isEmpty() && !exhausted) {
            fetch();
        }
        return !page.isEmpty();
    }

    @Override
    public StoredCandle next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.poll();
    }

    private void fetch() {
        List<StoredCandle> rows;
        try {
            rows = reader.read(nextFrom, to, pageSize);
        } catch (StoreException e) {
            exhausted = true;
            throw new UncheckedIOException(e);
        }
        page.addAll(rows);
        long last = rows.isEmpty() ? to : rows.get(rows.size() - 1).ts();
        exhausted = rows.size() < pageSize || last >= to;
        nextFrom = last + 1;
    }

    /** Candles read but not yet returned: at most one page. */
    int buffered() {
        return page.size();
    }

    /** Drops the buffered page; no database resource is held between pages. */
    @Override
    public void close() {
        page.clear();
        exhausted = true;
    }
}
