package okxstore.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.Exchange;
import okxstore.candle.Instrument;
import okxstore.candle.InstrumentId;
import okxstore.candle.LiveFeed;
import okxstore.config.InstrumentSettings;
import okxstore.fake.FakeClock;
import okxstore.store.CandleWriter;
import okxstore.store.StoreReader;
import okxstore.store.WriterSettings;

/** The hybrid loop's decisions, driven tick by tick on a fake clock with a recording exchange. */
class LiveEngineTest {
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");

    @TempDir
    Path dir;

    /** Remembers every page asked for and answers with nothing. */
    static final class RecordingExchange implements Exchange {
        final List<Long[]> asked = new CopyOnWriteArrayList<>();

        @Override
        public List<Candle> candles(InstrumentId id, Bar bar, Long newerThan, Long olderThan, int limit) {
            asked.add(new Long[] {newerThan, olderThan});
            return List.of();
        }

        @Override
        public Optional<Instrument> instrument(InstrumentId id) {
            return Optional.of(new Instrument(id, "SPOT", "live", 0, 0));
        }

        @Override
        public long serverTime() {
            return 0;
        }

        @Override
        public int maxPageSize() {
            return 300;
        }

        @Override
        public void close() {
        }

        boolean askedFor(long ts) {
            return asked.stream().anyMatch(w -> (w[0] == null || w[0] < ts) && (w[1] == null || w[1] > ts));
        }
    }

    /** A feed that does nothing: the test plays the socket's part. */
    static final class SilentFeed implements LiveFeed {
        @Override
        public void start() {
        }

        @Override
        public void subscribe(InstrumentId id, Bar bar) {
        }

        @Override
        public void unsubscribe(InstrumentId id, Bar bar) {
        }

        @Override
        public List<Map<String, Object>> connections() {
            return List.of();
        }

        @Override
        public Map<String, Long> counters() {
            return Map.of();
        }

        @Override
        public void close() {
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(5);
        }
    }

    private static boolean idle(LiveEngine engine, long now) {
        Object series = ((List<?>) engine.status(now).get("series")).get(0);
        return "live".equals(((Map<?, ?>) series).get("state"));
    }

    private static Candle closed(long ts) {
        return new Candle(ts, 10, 11, 9, 10.5, 1, 10, 10, true);
    }

    @Test
    void aBarWhoseClosingPushWasMissedIsFetchedEvenWhenTheCheckCameLate() throws Exception {
        FakeClock clock = FakeClock.at("2026-11-20T12:00:00.500Z");
        long t0 = Bar.M1.openTime(clock.millis());
        RecordingExchange okx = new RecordingExchange();
        EngineSettings settings = new EngineSettings(250, 5_000, 600_000, 86_400_000L, 86_400_000L);
        try (CandleWriter writer = new CandleWriter(dir, WriterSettings.defaults(), clock);
             StoreReader reader = new StoreReader(dir)) {
            SyncService sync = new SyncService(okx, writer, reader, clock, new ExchangeClock(clock, Duration.ofHours(1)),
                Duration.ofHours(24), 2);
            try (LiveEngine engine = new LiveEngine(settings, sync, writer, new SilentFeed(), clock)) {
                engine.apply(List.of(new InstrumentSettings(BTC, List.of(Bar.M1), Map.of(Bar.M1, 0), "hybrid", 60, true)),
                    false);
                engine.onState(BTC, Bar.M1, LiveFeed.SeriesState.SUBSCRIBED, "");
                engine.tick(clock.millis());
                await(() -> idle(engine, clock.millis()));

                // bar t0 closes with its push; the engine checks it in time
                engine.onCandles(BTC, Bar.M1, List.of(closed(t0)), clock.millis());
                clock.set(t0 + 60_000 + 6_000);
                engine.tick(clock.millis());
                await(() -> idle(engine, clock.millis()));
                okx.asked.clear();

                // the push closing t0+1m never comes, t0+2m's does, and the next check comes late
                engine.onCandles(BTC, Bar.M1, List.of(closed(t0 + 120_000)), clock.millis());
                clock.set(t0 + 180_000 + 6_000);
                engine.tick(clock.millis());
                await(() -> idle(engine, clock.millis()) && !okx.asked.isEmpty());
                assertTrue(okx.askedFor(t0 + 60_000), "the bar without its closing push was not fetched");
            }
        }
    }
}
