package okxstore.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.ExchangeException;
import okxstore.candle.ExchangeException.Kind;
import okxstore.candle.Instrument;
import okxstore.candle.InstrumentId;
import okxstore.fake.FakeClock;
import okxstore.fake.FakeOkx;
import okxstore.fake.Fault;
import okxstore.fake.TruthBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link OkxRest} against the fake OKX on loopback: paging, endpoints, errors, retries, timeouts, limits. */
class OkxRestIntegrationTest {
    static final InstrumentId BTC = new InstrumentId("BTC-USDT");
    static final long LISTED = Instant.parse("2025-12-01T08:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;
    static final okxstore.fake.Endpoint FAKE_CANDLES = okxstore.fake.Endpoint.CANDLES;
    static final okxstore.fake.Endpoint FAKE_HISTORY = okxstore.fake.Endpoint.HISTORY_CANDLES;

    final FakeClock clock = FakeClock.at("2026-01-15T12:00:30Z");
    final List<AutoCloseable> open = new ArrayList<>();
    FakeOkx okx;

    @BeforeEach
    void start() throws IOException {
        okx = track(FakeOkx.builder().clock(clock).rateLimits(false).instrument("BTC-USDT", LISTED).build());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }

    RestSettings settings(FakeOkx fake) {
        return RestSettings.defaults().withBaseUrl(URI.create(fake.baseUrl()))
            .withRetries(Duration.ofSeconds(3), 8, Duration.ofMillis(5), Duration.ofMillis(40));
    }

    OkxRest client(RestSettings settings) {
        return track(new OkxRest(settings, RateLimits.of(settings), clock, new SplittableRandom(1)));
    }

    OkxRest client() {
        return client(settings(okx));
    }

    List<Candle> truth(Bar bar, long fromInclusive, long toExclusive) {
        return okx.truth().bars("BTC-USDT", bar, fromInclusive, toExclusive).stream().map(TruthBar::toCandle).toList();
    }

    @Test
    void latestPage_comesOldestFirst_endingWithTheUnfinishedBar() throws Exception {
        List<Candle> page = client().candles(BTC, Bar.M1, null, null, 100);
        long current = Bar.M1.openTime(clock.millis());
        assertEquals(100, page.size());
        assertEquals(current, page.get(99).ts());
        assertFalse(page.get(99).confirmed());
        assertEquals(truth(Bar.M1, current - 99 * MINUTE, current + 1), page);
        assertEquals(1, okx.served(FAKE_CANDLES));
        assertEquals(0, okx.served(FAKE_HISTORY));
    }

    @Test
    void pagingBack_crossesThe1440BarEdge_withoutADuplicateOrAMissingBar() throws Exception {
        OkxRest rest = client();
        List<Candle> all = new ArrayList<>();
        Long olderThan = null;
        for (int i = 0; i < 7; i++) {
            List<Candle> page = rest.candles(BTC, Bar.M1, null, olderThan, 300);
            assertEquals(300, page.size());
            all.addAll(0, page);
            olderThan = page.get(0).ts(); // exclusive cursor: ts < after, API-NOTES §3.2
        }
        long current = Bar.M1.openTime(clock.millis());
        assertEquals(truth(Bar.M1, current - 2099 * MINUTE, current + 1), all);
        for (int i = 1; i < all.size(); i++) {
            assertEquals(all.get(i - 1).ts() + MINUTE, all.get(i).ts());
        }
        assertTrue(okx.served(FAKE_CANDLES) >= 4, "recent pages from /market/candles");
        assertTrue(okx.served(FAKE_HISTORY) >= 2, "older pages from /market/history-candles");
        assertEquals(okx.served(FAKE_CANDLES), rest.stats().requests(Endpoint.CANDLES));
    }

    @Test
    void window_isExclusiveAtBothEnds_recentAndOld() throws Exception {
        OkxRest rest = client();
        for (long start : new long[] {Bar.M1.openTime(clock.millis()) - 30 * MINUTE,
                                      Bar.M1.openTime(clock.millis()) - 5_000 * MINUTE}) {
            List<Candle> page = rest.candles(BTC, Bar.M1, start, start + 10 * MINUTE, 300);
            assertEquals(truth(Bar.M1, start + MINUTE, start + 10 * MINUTE), page);
            assertEquals(9, page.size());
        }
        assertEquals(1, okx.served(FAKE_CANDLES));
        assertEquals(1, okx.served(FAKE_HISTORY));
    }

    @Test
    void newerThanAlone_givesTheNewestBarsAfterIt() throws Exception {
        long since = Bar.M1.openTime(clock.millis()) - 3 * MINUTE;
        List<Candle> page = client().candles(BTC, Bar.M1, since, null, 300);
        assertEquals(List.of(since + MINUTE, since + 2 * MINUTE, since + 3 * MINUTE),
            page.stream().map(Candle::ts).toList());
    }

    @Test
    void oneSecondBars_alwaysComeFromHistoryCandles() throws Exception {
        List<Candle> page = client().candles(BTC, Bar.S1, null, null, 50);
        assertEquals(50, page.size());
        assertEquals(1, okx.served(FAKE_HISTORY));
        assertEquals(0, okx.served(FAKE_CANDLES));
    }

    @Test
    void firstBarsOfAListing_shortPageIsAnsweredByHistory() throws Exception {
        long listed = clock.millis() - 10 * MINUTE;
        okx.addInstrument("NEW-USDT", listed);
        List<Candle> page = client().candles(new InstrumentId("NEW-USDT"), Bar.M1, null, null, 300);
        assertEquals(11, page.size());
        assertEquals(Bar.M1.openTime(listed), page.get(0).ts());
    }

    @Test
    void unknownInstrument_isUnknownWithOkxsMessage_andNotRetried() {
        OkxRest rest = client();
        ExchangeException e = assertThrows(ExchangeException.class,
            () -> rest.candles(new InstrumentId("NOPE-USDT"), Bar.M1, null, null, 10));
        assertEquals(Kind.UNKNOWN_INSTRUMENT, e.kind());
        assertEquals("candles NOPE-USDT 1m: 51001 Instrument ID, Instrument ID code, or Spread ID doesn't exist.",
            e.getMessage());
        assertEquals(1, okx.served(FAKE_CANDLES));
        assertEquals(0, rest.stats().retries());
    }

    @Test
    void instrument_listedUnknownAndOtherTypes() throws Exception {
        OkxRest rest = client();
        assertEquals(Optional.of(new Instrument(BTC, "SPOT", "live", LISTED, 0)), rest.instrument(BTC));
        okx.setState("BTC-USDT", "suspend");
        assertFalse(rest.instrument(BTC).orElseThrow().isLive());
        assertEquals(Optional.empty(), rest.instrument(new InstrumentId("NOPE-USDT")));
        okx.addInstrument("BTC-USDT-SWAP", LISTED);
        assertEquals("SWAP", rest.instrument(new InstrumentId("BTC-USDT-SWAP")).orElseThrow().type());
        assertEquals(Optional.empty(), rest.instrument(new InstrumentId("NOT-AN-OKX-SHAPE")));
    }

    @Test
    void serverTime_isTheExchangesClock() throws Exception {
        OkxRest rest = client();
        assertEquals(clock.millis(), rest.serverTime());
        assertTrue(Math.abs(rest.exchangeNow() - clock.millis()) < 1_000);
    }

    @Test
    void unavailableBusyAndRateLimited_areRetried_andThePageIsComplete() throws Exception {
        okx.failNext(FAKE_CANDLES, 2, Fault.UNAVAILABLE);
        okx.failNext(FAKE_CANDLES, 1, Fault.BUSY);
        OkxRest rest = client();
        List<Candle> page = rest.candles(BTC, Bar.M1, null, null, 300);
        long current = Bar.M1.openTime(clock.millis());
        assertEquals(truth(Bar.M1, current - 299 * MINUTE, current + 1), page);
        assertEquals(3, rest.stats().retries());
        assertEquals(1, rest.stats().rateLimited());
        assertEquals(4, rest.stats().requests(Endpoint.CANDLES));
    }

    @Test
    void http429_50011_isRetriedAfterBackingOff() throws Exception {
        AtomicLong fakeNanos = new AtomicLong();
        // every request moves the fake's rate window by 1 s: with 1 per 2 s every second request gets 429
        FakeOkx strict = track(FakeOkx.builder().clock(clock).nanoClock(() -> fakeNanos.addAndGet(1_000_000_000L))
            .instrument("BTC-USDT", LISTED).build());
        strict.setLimit(FAKE_CANDLES, 1);
        OkxRest rest = client(settings(strict));
        long current = Bar.M1.openTime(clock.millis());
        for (int i = 0; i < 3; i++) {
            assertEquals(10, rest.candles(BTC, Bar.M1, current - 20 * MINUTE, current - 9 * MINUTE, 300).size());
        }
        assertEquals(2, strict.rateLimited(FAKE_CANDLES));
        assertEquals(2, rest.stats().rateLimited());
        assertEquals(2, rest.stats().retries());
    }

    @Test
    void garbageFromAProxy_isMalformed_retried_orThrownWhenRetriesRunOut() throws Exception {
        okx.failNext(FAKE_CANDLES, 2, Fault.GARBAGE);
        OkxRest rest = client();
        assertEquals(300, rest.candles(BTC, Bar.M1, null, null, 300).size());
        assertEquals(2, rest.stats().retries());

        okx.failNext(FAKE_CANDLES, 1, Fault.GARBAGE);
        OkxRest impatient = client(settings(okx).withRetries(Duration.ofSeconds(3), 0, Duration.ofMillis(5),
            Duration.ofMillis(5)));
        ExchangeException e = assertThrows(ExchangeException.class, () -> impatient.candles(BTC, Bar.M1, null, null, 5));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().startsWith("candles BTC-USDT 1m: malformed answer (HTTP 500): "), e.getMessage());
    }

    @Test
    void stalledTruncatedOrHalfSentAnswers_timeOutOrFail_andAreRetried() throws Exception {
        okx.failNext(FAKE_CANDLES, 1, Fault.STALL);
        okx.failNext(FAKE_CANDLES, 1, Fault.STALL_BODY); // headers arrive, the body never: HttpRequest.timeout misses it
        okx.failNext(FAKE_CANDLES, 1, Fault.TRUNCATED);
        OkxRest rest = client(settings(okx).withRetries(Duration.ofMillis(400), 8, Duration.ofMillis(5),
            Duration.ofMillis(20)));
        long current = Bar.M1.openTime(clock.millis());
        assertEquals(truth(Bar.M1, current - 99 * MINUTE, current + 1), rest.candles(BTC, Bar.M1, null, null, 100));
        RestStats stats = rest.stats();
        assertEquals(3, stats.retries());
        assertEquals(2, stats.timeouts());
        okx.releaseStalled();
    }

    @Test
    void interruptedWhileWaiting_throwsInterruptedException_withTheFlagSet() throws Exception {
        okx.failNext(FAKE_CANDLES, 1, Fault.STALL);
        OkxRest rest = client(settings(okx).withRetries(Duration.ofSeconds(30), 8, Duration.ofMillis(5),
            Duration.ofMillis(20)));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                rest.candles(BTC, Bar.M1, null, null, 10);
            } catch (Exception e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        assertTrue(okx.misbehaviour().awaitStalled(1, Duration.ofSeconds(5)));
        caller.interrupt();
        caller.join(5_000);
        assertFalse(caller.isAlive());
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        assertTrue(flag.get());
        okx.releaseStalled();
    }

    @Test
    void burstOf100Calls_staysUnderTheFakesTightenedLimit_withoutA429() throws Exception {
        // the fake's 2 s window runs at double speed (1 s real); the client's window and guard match it
        FakeOkx strict = track(FakeOkx.builder().clock(clock).nanoClock(() -> System.nanoTime() * 2)
            .instrument("BTC-USDT", LISTED).build());
        strict.setLimit(FAKE_CANDLES, 30);
        RestSettings s = settings(strict).withRates(0.95, Duration.ofSeconds(1), Duration.ofMillis(50), 30, 20, 20, 10);
        OkxRest rest = client(s);
        rest.serverTime();
        List<Future<List<Candle>>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                calls.add(threads.submit(() -> rest.candles(BTC, Bar.M1, null, null, 10)));
            }
            for (Future<List<Candle>> call : calls) {
                assertEquals(10, call.get(30, TimeUnit.SECONDS).size());
            }
        }
        assertEquals(0, strict.rateLimited(FAKE_CANDLES));
        assertEquals(100, strict.served(FAKE_CANDLES));
        assertEquals(0, rest.stats().rateLimited());
    }

    @Test
    void demoFlagAndProxy_sendTheDemoHeaderThroughTheProxy() throws Exception {
        // a loopback stand-in for an HTTP proxy: it gets the absolute URI of an unresolvable host
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI() + " demo=" + exchange.getRequestHeaders().getFirst("x-simulated-trading"));
            byte[] body = "{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"ts\":\"1700000000000\"}]}".getBytes(UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        proxy.start();
        try {
            RestSettings s = settings(okx).withBaseUrl(URI.create("http://okx.invalid"))
                .withDemo(true, "127.0.0.1:" + proxy.getAddress().getPort());
            assertEquals(1_700_000_000_000L, client(s).serverTime());
            assertEquals(List.of("http://okx.invalid/api/v5/public/time demo=1"), seen);
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void endpointFor_usesCandlesOnlyWellWithinTheLatest1440Bars() {
        long now = clock.millis();
        long current = Bar.M1.openTime(now);
        assertEquals(Endpoint.CANDLES, OkxRest.endpointFor(Bar.M1, null, null, 300, now));
        assertEquals(Endpoint.HISTORY_CANDLES, OkxRest.endpointFor(Bar.S1, null, null, 10, now));
        long edge = current - (OkxRest.CANDLES_REACH - 1 - OkxRest.REACH_SAFETY) * MINUTE;
        assertEquals(Endpoint.CANDLES, OkxRest.endpointFor(Bar.M1, edge - 1, null, 300, now));
        assertEquals(Endpoint.HISTORY_CANDLES, OkxRest.endpointFor(Bar.M1, edge - 2, null, 300, now));
        assertEquals(Endpoint.CANDLES, OkxRest.endpointFor(Bar.M1, null, edge + 300 * MINUTE, 300, now));
        assertEquals(Endpoint.HISTORY_CANDLES, OkxRest.endpointFor(Bar.M1, null, edge + 299 * MINUTE, 300, now));
        assertEquals(Endpoint.CANDLES, OkxRest.endpointFor(Bar.D1_UTC, null, now - 3 * 365 * 86_400_000L, 300, now));
        assertEquals(Endpoint.CANDLES, OkxRest.endpointFor(Bar.MO1, null, null, 300, now));
    }
}
