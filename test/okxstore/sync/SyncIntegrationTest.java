package okxstore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.config.Settings;
import okxstore.fake.Endpoint;
import okxstore.fake.FakeClock;
import okxstore.fake.FakeOkx;
import okxstore.fake.FakeRequest;
import okxstore.fake.Fault;
import okxstore.store.Hole;
import okxstore.store.StoreReader;

/** REST sync against the fake OKX: the store ends equal to the exchange's truth whatever the exchange does. */
class SyncIntegrationTest {
    private static final long DAY = 86_400_000L;
    private static final String BTC = "BTC-USDT";
    private static final String ETH = "ETH-USDT";

    @TempDir
    Path dir;

    private final FakeClock clock = FakeClock.at("2026-11-20T12:34:56Z");

    private FakeOkx fake() throws Exception {
        return FakeOkx.builder().clock(clock).rateLimits(false)
            .instrument(BTC, clock.millis() - 400 * DAY).instrument(ETH, clock.millis() - 400 * DAY).build();
    }

    private Settings settings(FakeOkx fake, String... kv) {
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        extra.put("instruments", BTC + "," + ETH);
        extra.put("instrument." + BTC + ".timeframes", "1m");
        extra.put("instrument." + ETH + ".timeframes", "1m");
        extra.put("rest.limit.candles", "100000");
        extra.put("rest.limit.history.candles", "100000");
        for (int i = 0; i < kv.length; i += 2) {
            extra.put(kv[i], kv[i + 1]);
        }
        return SyncFixture.settings(fake, dir, extra);
    }

    private List<SyncResult> sync(FakeOkx fake, Settings s) throws Exception {
        try (StoreServices services = SyncFixture.open(fake, s)) {
            return services.sync().syncAll(s.instruments(), false, null);
        }
    }

    @Test
    void thirtyDayBackfillOfTwoInstrumentsEqualsTheTruthRowForRow() throws Exception {
        try (FakeOkx fake = fake()) {
            List<SyncResult> results = sync(fake, settings(fake));
            results.forEach(r -> assertTrue(r.ok(), r.toString()));
            long from = Bar.M1.openTime(clock.millis() - 30 * DAY);
            long to = Bar.M1.openTime(clock.millis());
            SyncFixture.assertEqualsTruth(fake, dir, BTC, Bar.M1, from, to);
            SyncFixture.assertEqualsTruth(fake, dir, ETH, Bar.M1, from, to);
            // the unfinished bar is stored unconfirmed, and nothing older than the floor was asked for
            assertFalse(SyncFixture.stored(dir, InstrumentId.parse(BTC), Bar.M1).getLast().candle().confirmed());
            long pages = fake.log().all().stream().filter(r -> r.endpoint() != Endpoint.INSTRUMENTS
                && r.endpoint() != Endpoint.TIME).count();
            assertTrue(pages <= 2 * (43_201 / 300 + 3), "pages " + pages);
        }
    }

    @Test
    void aBackfillKilledMidwayResumesWithoutAskingForStoredRanges() throws Exception {
        try (FakeOkx fake = fake()) {
            Settings s = settings(fake, "instruments", BTC, "instrument." + BTC + ".history.days", "10");
            // the process dies after 20 pages: every later call fails, the pass ends there
            try (StoreServices services = StoreServices.open(s, "test",
                new DyingExchange(SyncFixture.okx(fake, s), 20), clock)) {
                List<SyncResult> first = services.sync().syncAll(s.instruments(), false, null);
                assertFalse(first.get(0).ok(), "the first pass must stop");
            }
            List<Long> storedTs = SyncFixture.stored(dir, InstrumentId.parse(BTC), Bar.M1).stream()
                .map(c -> c.ts()).toList();
            assertTrue(storedTs.size() >= 19 * 300, "stored before dying: " + storedTs.size());
            long lowest = storedTs.getFirst();
            long highest = storedTs.getLast();
            fake.log().clear();
            assertTrue(sync(fake, s).stream().allMatch(SyncResult::ok));
            for (FakeRequest r : fake.log().all()) {
                if (r.endpoint() == Endpoint.CANDLES || r.endpoint() == Endpoint.HISTORY_CANDLES) {
                    long after = r.longParam("after", Long.MAX_VALUE);
                    long before = r.longParam("before", Long.MIN_VALUE);
                    assertTrue(after <= lowest || before >= highest - 60_000, "asked again for a stored range: " + r);
                }
            }
            long from = Bar.M1.openTime(clock.millis() - 10 * DAY);
            SyncFixture.assertEqualsTruth(fake, dir, BTC, Bar.M1, from, Bar.M1.openTime(clock.millis()));
        }
    }

    @Test
    void rateLimitsServerErrorsAndLatencySlowItDownButLoseNothing() throws Exception {
        try (FakeOkx fake = FakeOkx.builder().clock(clock).instrument(BTC, clock.millis() - 400 * DAY).build()) {
            fake.setLimit(Endpoint.HISTORY_CANDLES, 5);
            fake.setLimit(Endpoint.CANDLES, 5);
            fake.setLatency(Duration.ofMillis(5));
            fake.misbehaviour().failFraction(Endpoint.HISTORY_CANDLES, 0.2, Fault.UNAVAILABLE);
            fake.misbehaviour().failFraction(Endpoint.CANDLES, 0.2, Fault.BUSY);
            Settings s = settings(fake, "instruments", BTC, "instrument." + BTC + ".history.days", "2",
                "rest.limit.candles", "40", "rest.limit.history.candles", "40",
                "rest.backoff.base.ms", "100", "rest.backoff.max.ms", "1000");
            List<SyncResult> results = sync(fake, s);
            assertTrue(results.stream().allMatch(SyncResult::ok), results.toString());
            assertTrue(fake.rateLimited(Endpoint.HISTORY_CANDLES) + fake.rateLimited(Endpoint.CANDLES) > 0,
                "the test should provoke 429s");
            long from = Bar.M1.openTime(clock.millis() - 2 * DAY);
            SyncFixture.assertEqualsTruth(fake, dir, BTC, Bar.M1, from, Bar.M1.openTime(clock.millis()));
        }
    }

    @Test
    void aGenuineHoleIsAskedForOnceAndRecorded() throws Exception {
        long holeFrom = Bar.M1.openTime(clock.millis() - DAY / 2);
        long holeTo = holeFrom + 90 * 60_000L;
        try (FakeOkx fake = FakeOkx.builder().clock(clock).rateLimits(false).instrument(BTC, clock.millis() - 400 * DAY)
            .hole(BTC, Bar.M1, holeFrom, holeTo).build()) {
            Settings s = settings(fake, "instruments", BTC, "instrument." + BTC + ".history.days", "1");
            assertTrue(sync(fake, s).stream().allMatch(SyncResult::ok));
            try (StoreReader r = new StoreReader(dir)) {
                List<Hole> holes = r.holes(InstrumentId.parse(BTC), Bar.M1);
                assertEquals(1, holes.size(), holes.toString());
                assertEquals(holeFrom, holes.get(0).from());
                assertEquals(holeTo - 60_000, holes.get(0).to());
                assertEquals(Hole.NO_DATA, holes.get(0).reason());
                assertTrue(r.openGaps(InstrumentId.parse(BTC), Bar.M1).isEmpty());
            }
            fake.log().clear();
            clock.advance(Duration.ofMinutes(5));
            assertTrue(sync(fake, s).stream().allMatch(SyncResult::ok));
            for (FakeRequest req : fake.log().all()) {
                long after = req.longParam("after", Long.MAX_VALUE);
                long before = req.longParam("before", Long.MIN_VALUE);
                assertFalse(before < holeTo && after > holeFrom && after != Long.MAX_VALUE,
                    "asked again for the hole: " + req);
            }
            SyncFixture.assertEqualsTruth(fake, dir, BTC, Bar.M1, Bar.M1.openTime(clock.millis() - DAY),
                Bar.M1.openTime(clock.millis()));
        }
    }

    @Test
    void historyBeforeListingIsRecordedAndNeverAskedAgain() throws Exception {
        long listed = Instant.parse("2026-11-17T08:00:00Z").toEpochMilli();
        try (FakeOkx fake = FakeOkx.builder().clock(clock).rateLimits(false).instrument(BTC, listed).build()) {
            Settings s = settings(fake, "instruments", BTC, "instrument." + BTC + ".timeframes", "1H");
            assertTrue(sync(fake, s).stream().allMatch(SyncResult::ok));
            List<Long> ts = SyncFixture.stored(dir, InstrumentId.parse(BTC), Bar.H1).stream().map(c -> c.ts()).toList();
            assertEquals(Bar.H1.openTime(listed), ts.getFirst());
            fake.log().clear();
            clock.advance(Duration.ofDays(1));
            assertTrue(sync(fake, s).stream().allMatch(SyncResult::ok));
            for (FakeRequest req : fake.log().all()) {
                long after = req.longParam("after", Long.MAX_VALUE);
                assertTrue(after == Long.MAX_VALUE || after > listed, "asked before the listing: " + req);
            }
        }
    }

    @Test
    void unconfirmedBarsAreFetchedAgainUntilConfirmedAndStoredOnce() throws Exception {
        try (FakeOkx fake = fake()) {
            Settings s = settings(fake, "instruments", BTC, "instrument." + BTC + ".history.days", "1");
            assertTrue(sync(fake, s).stream().allMatch(SyncResult::ok));
            long open = Bar.M1.openTime(clock.millis());
            assertFalse(SyncFixture.stored(dir, InstrumentId.parse(BTC), Bar.M1).getLast().candle().confirmed());
            clock.advance(Duration.ofMinutes(3));
            assertTrue(sync(fake, s).stream().allMatch(SyncResult::ok));
            var rows = SyncFixture.stored(dir, InstrumentId.parse(BTC), Bar.M1);
            assertEquals(rows.stream().map(c -> c.ts()).distinct().count(), rows.size());
            assertTrue(rows.stream().filter(c -> c.ts() == open).allMatch(c -> c.candle().confirmed()));
            SyncFixture.assertEqualsTruth(fake, dir, BTC, Bar.M1, Bar.M1.openTime(clock.millis() - DAY),
                Bar.M1.openTime(clock.millis()));
        }
    }
}
