package okxstore;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.config.Settings;
import okxstore.store.CandleCursor;
import okxstore.store.Hole;
import okxstore.store.ReturnStats;
import okxstore.store.SeriesSummary;
import okxstore.store.StoreException;
import okxstore.store.StoreReader;

/**
 * The queries of an {@link OkxStore} over its {@link StoreReader}, turned into the API's records and
 * exceptions. Each call holds a read lock that {@link #close()} takes for writing, so that closing
 * waits for queries under way and no query reopens a file after it. Thread-safe.
 */
final class StoreQueries implements AutoCloseable {
    /** A read of the store. */
    @FunctionalInterface
    private interface Read<T> {
        T run() throws StoreException;
    }

    private final StoreReader reader;
    private final BooleanSupplier closed;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    StoreQueries(StoreReader reader, BooleanSupplier closed) {
        this.reader = reader;
        this.closed = closed;
    }

    Optional<StoredBar> latest(InstrumentId id, Bar bar) {
        check(id, bar);
        return read(() -> reader.latest(id, bar).map(StoredBar::of));
    }

    List<StoredBar> recent(InstrumentId id, Bar bar, int n) {
        check(id, bar);
        if (n < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + n);
        }
        return read(() -> reader.recent(id, bar, n).stream().map(StoredBar::of).toList());
    }

    Stream<StoredBar> range(InstrumentId id, Bar bar, long fromMs, long toMs) {
        check(id, bar);
        CandleCursor cursor = read(() -> reader.range(id, bar, fromMs, toMs));
        Iterator<StoredBar> bars = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return read(cursor::hasNext);
            }

            @Override
            public StoredBar next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return StoredBar.of(cursor.next());
            }
        };
        Spliterator<StoredBar> split = Spliterators.spliteratorUnknownSize(bars,
            Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE | Spliterator.DISTINCT);
        return StreamSupport.stream(split, false).onClose(cursor::close);
    }

    Coverage coverage(InstrumentId id, Bar bar) {
        check(id, bar);
        return read(() -> {
            SeriesSummary s = reader.summary(id, bar);
            long expected = s.rows() == 0 ? 0 : bar.countBetween(s.firstTs().getAsLong(), s.lastTs().getAsLong());
            long missing = s.rows() == 0 ? 0 : reader.openGaps(id, bar).stream().mapToLong(g -> g.bars()).sum();
            return new Coverage(id, bar, s.rows(), s.confirmedRows(), s.firstTs(), s.lastTs(), expected, missing);
        });
    }

    List<Gap> gaps(InstrumentId id, Bar bar) {
        check(id, bar);
        return read(() -> {
            List<Gap> out = new ArrayList<>();
            for (okxstore.store.Gap g : reader.openGaps(id, bar)) {
                out.add(new Gap(g.from(), g.to(), g.bars(), Gap.MISSING));
            }
            for (Hole h : reader.holes(id, bar)) {
                out.add(new Gap(h.from(), h.to(), Math.max(1, bar.countBetween(h.from(), h.to())), h.reason()));
            }
            out.sort(Comparator.comparingLong(Gap::from));
            return List.copyOf(out);
        });
    }

    Optional<SeriesStats> stats(InstrumentId id, Bar bar, long fromMs, long toMs, int window) {
        check(id, bar);
        if (window < 0) {
            throw new IllegalArgumentException("window must not be negative, got " + window);
        }
        try (CandleCursor cursor = read(() -> reader.range(id, bar, fromMs, toMs))) {
            Iterator<okxstore.store.StoredCandle> rows = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return read(cursor::hasNext);
                }

                @Override
                public okxstore.store.StoredCandle next() {
                    return cursor.next();
                }
            };
            ReturnStats s = ReturnStats.of(bar, rows, window);
            return s.rows() == 0 ? Optional.empty() : Optional.of(SeriesStats.of(id, bar, s));
        }
    }

    StoreStatus status(Path dir, Settings settings, long now, Optional<Map<String, Object>> engine) {
        return read(() -> StatusReport.build(dir, settings, reader, now, engine));
    }

    /** Waits for queries under way, then closes every connection; later queries throw. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            reader.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static void check(InstrumentId id, Bar bar) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bar, "bar");
    }

    /** Runs a read under the lock, with the API's exceptions: a store failure, or the store closed. */
    private <T> T read(Read<T> read) {
        lock.readLock().lock();
        try {
            if (closed.getAsBoolean()) {
                throw new IllegalStateException("the store is closed");
            }
            return read.run();
        } catch (StoreException e) {
            throw new OkxStoreException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new OkxStoreException(e.getCause().getMessage(), e.getCause());
        } finally {
            lock.readLock().unlock();
        }
    }
}
