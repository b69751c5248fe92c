package okxstore.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okxstore.candle.Bar;
import okxstore.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeOkxTest {
    static final long MINUTE = 60_000L;
    static final long LISTED = Instant.parse("2025-12-01T08:00:00Z").toEpochMilli();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String CANDLES = "/api/v5/market/candles?instId=BTC-USDT";
    static final String HISTORY = "/api/v5/market/history-candles?instId=BTC-USDT";

    final FakeClock clock = FakeClock.at("2026-01-15T12:00:30Z");
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final long nowBar = Bar.M1.openTime(clock.millis());
    FakeOkx okx;

    @BeforeEach
    void start() throws IOException {
        okx = FakeOkx.builder().clock(clock).nanoClock(nanos::get)
            .instrument("BTC-USDT", LISTED)
            .instrument("BTC-USDT-SWAP", LISTED)
            .build();
    }

    @AfterEach
    void stop() {
        okx.close();
    }

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(request(pathAndQuery), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(okx.baseUrl() + pathAndQuery)).build();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> r) {
        return (Map<String, Object>) Json.parse(r.body());
    }

    @SuppressWarnings("unchecked")
    List<List<String>> rows(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Object> body = json(r);
        assertEquals("0", body.get("code"), r.body());
        return (List<List<String>>) body.get("data");
    }

    static List<Long> times(List<List<String>> rows) {
        return rows.stream().map(r -> Long.parseLong(r.getFirst())).toList();
    }

    @Test
    void candles_newestFirst_withTheUnfinishedBarOnTop() throws Exception {
        List<List<String>> rows = rows(CANDLES + "&bar=1m&limit=5");
        assertEquals(List.of(nowBar, nowBar - MINUTE, nowBar - 2 * MINUTE, nowBar - 3 * MINUTE, nowBar - 4 * MINUTE),
            times(rows));
        assertEquals("0", rows.getFirst().get(8));
        assertEquals("1", rows.get(1).get(8));
        for (List<String> row : rows) {
            String[] truth = okx.truth().row("BTC-USDT", Bar.M1, Long.parseLong(row.getFirst()));
            assertEquals(List.of(truth), row);
        }
        assertEquals(100, rows(CANDLES).size(), "default bar 1m, limit 100");
    }

    @Test
    void unfinishedBarIsConfirmedOnceTheClockPassesItsEnd() throws Exception {
        List<String> forming = rows(CANDLES + "&limit=1").getFirst();
        clock.advanceMillis(MINUTE);
        List<String> closed = rows(CANDLES + "&limit=2").get(1);
        assertEquals(forming.getFirst(), closed.getFirst());
        assertEquals(List.of("0", "1"), List.of(forming.get(8), closed.get(8)));
        assertEquals(List.of(okx.truth().finalBar("BTC-USDT", Bar.M1, nowBar).fields()), closed);
        List<Long> months = times(rows(HISTORY + "&bar=1Mutc"));
        assertEquals(List.of(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(),
            Instant.parse("2025-12-01T00:00:00Z").toEpochMilli()), months);
    }

    @Test
    void cursorsAreExclusive() throws Exception {
        long t = nowBar - 50 * MINUTE;
        assertEquals(t - MINUTE, times(rows(HISTORY + "&after=" + t)).getFirst());
        List<Long> newer = times(rows(CANDLES + "&before=" + t));
        assertEquals(50, newer.size());
        assertEquals(t + MINUTE, newer.getLast());
        assertEquals(List.of(t + MINUTE), times(rows(CANDLES + "&before=" + t
            + "&after=" + (t + 2 * MINUTE))));
    }

    @Test
    void beforeAlone_returnsTheNewestRows_notThePageAfterIt() throws Exception {
        List<Long> ts = times(rows(HISTORY + "&before=" + LISTED + "&limit=3"));
        assertEquals(List.of(nowBar, nowBar - MINUTE, nowBar - 2 * MINUTE), ts);
    }

    @Test
    void limitIsCappedAt300_andRejectedWhenNotANumber() throws Exception {
        assertEquals(300, rows(HISTORY + "&limit=1000").size());
        HttpResponse<String> r = get(CANDLES + "&limit=ten");
        assertEquals(400, r.statusCode());
        assertEquals(Map.of("code", "51000", "msg", "Parameter limit error", "data", List.of()), json(r));
    }

    @Test
    void candlesSeeOnly1440Bars_historyReachesTheListing() throws Exception {
        List<Long> all = new ArrayList<>();
        List<Long> page = times(rows(CANDLES + "&limit=300"));
        while (!page.isEmpty()) {
            all.addAll(page);
            page = times(rows(CANDLES + "&limit=300&after=" + page.getLast()));
        }
        assertEquals(1_440, all.size());
        assertEquals(nowBar - 1_439 * MINUTE, all.getLast());
        List<Long> oldest = times(rows(HISTORY + "&after=" + (LISTED + 2 * MINUTE)));
        assertEquals(List.of(LISTED + MINUTE, LISTED), oldest);
        assertEquals(List.of(), rows(HISTORY + "&after=" + LISTED));
    }

    @Test
    void genuineHolesReturnNothing() throws Exception {
        long from = nowBar - 3_000 * MINUTE;
        long to = nowBar - 2_000 * MINUTE;
        okx.addHole("BTC-USDT", Bar.M1, from, to);
        assertEquals(List.of(), rows(HISTORY + "&after=" + to + "&before=" + (from - 1)));
        List<Long> across = times(rows(HISTORY + "&limit=3&after=" + (to + MINUTE)));
        assertEquals(List.of(to, from - MINUTE, from - 2 * MINUTE), across);
    }

    @Test
    void errorBodiesAndStatusesAreOkxs() throws Exception {
        HttpResponse<String> r = get(CANDLES + "&bar=1s");
        assertEquals(400, r.statusCode());
        assertEquals(Map.of("code", "51000", "msg", "Parameter bar error", "data", List.of()), json(r));
        assertEquals("51000", json(get(CANDLES + "&bar=1h")).get("code"), "bar is case-sensitive");
        assertEquals(1, rows(HISTORY + "&bar=1s&limit=1").size());
        long beyondRetention = clock.millis() - CandleEndpoint.ONE_SECOND_RETENTION_MS;
        assertEquals(List.of(), rows(HISTORY + "&bar=1s&after=" + beyondRetention));
        r = get("/api/v5/market/candles?bar=1m");
        assertEquals(400, r.statusCode());
        assertEquals(Map.of("code", "50014", "msg", "Parameter instId can not be empty", "data", List.of()), json(r));
        r = get("/api/v5/market/candles?instId=NOPE-USDT");
        assertEquals(200, r.statusCode());
        assertEquals("51001", json(r).get("code"));
        r = get("/api/v5/market/nothing-here");
        assertEquals(404, r.statusCode());
        assertEquals(404L, json(r).get("code"), "numeric code, API-NOTES §7.11");
        assertEquals("Not Found", json(r).get("msg"));
        assertEquals(400, get("/api/v5/public/instruments").statusCode());
    }

    @Test
    void burstOverTheLimitGets429_untilTheWindowSlides() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 45; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    statuses.add(get(CANDLES + "&limit=1").statusCode());
                } catch (IOException | InterruptedException e) {
                    statuses.add(-1);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(40, statuses.stream().filter(s -> s == 200).count());
        assertEquals(5, statuses.stream().filter(s -> s == 429).count());
        assertEquals(40, okx.served(Endpoint.CANDLES));
        assertEquals(5, okx.rateLimited(Endpoint.CANDLES));
        HttpResponse<String> r = get(CANDLES);
        assertEquals("{\"msg\":\"Too Many Requests\",\"code\":\"50011\"}", r.body());
        assertEquals(200, get(HISTORY).statusCode(), "limits are per endpoint");
        nanos.addAndGet(RateWindow.WINDOW_NANOS);
        assertEquals(200, get(CANDLES).statusCode());
        okx.setLimit(Endpoint.TIME, 1);
        assertEquals(200, get("/api/v5/public/time").statusCode());
        assertEquals(429, get("/api/v5/public/time").statusCode());
        okx.setRateLimits(false);
        assertEquals(200, get("/api/v5/public/time").statusCode());
    }

    @Test
    void requestLogRecordsEveryRequest() throws Exception {
        get(HISTORY + "&bar=1H&after=123");
        get("/api/v5/public/time");
        List<FakeRequest> log = okx.requests();
        assertEquals(2, log.size());
        assertEquals(Endpoint.HISTORY_CANDLES, log.getFirst().endpoint());
        assertEquals("1H", log.getFirst().param("bar"));
        assertEquals(123, log.getFirst().longParam("after", -1));
        assertEquals(clock.millis(), log.getFirst().epochMs());
        assertEquals(List.of(log.get(1)), okx.log().served(Endpoint.TIME));
    }

    @Test
    @SuppressWarnings("unchecked")
    void instrumentsHaveOkxShapes_stateAndListing() throws Exception {
        HttpResponse<String> r = get("/api/v5/public/instruments?instType=SPOT");
        List<Map<String, Object>> spot = (List<Map<String, Object>>) json(r).get("data");
        assertEquals(1, spot.size());
        Map<String, Object> btc = spot.getFirst();
        assertEquals("BTC-USDT", btc.get("instId"));
        assertEquals(Long.toString(LISTED), btc.get("listTime"));
        assertEquals("live", btc.get("state"));
        assertEquals("0.1", btc.get("tickSz"));
        assertInstanceOf(Long.class, btc.get("instIdCode"));
        assertEquals(Boolean.FALSE, btc.get("futureSettlement"));
        assertEquals(List.of("USDT"), btc.get("tradeQuoteCcyList"));
        List<Map<String, Object>> swap = (List<Map<String, Object>>) json(
            get("/api/v5/public/instruments?instType=SWAP&instId=BTC-USDT-SWAP")).get("data");
        assertEquals("0.01", swap.getFirst().get("ctVal"));
        assertEquals("BTC-USDT", swap.getFirst().get("instFamily"));

        okx.setState("BTC-USDT", "suspend");
        spot = (List<Map<String, Object>>) json(get("/api/v5/public/instruments?instType=SPOT")).get("data");
        assertEquals("suspend", spot.getFirst().get("state"));
        okx.setKnown("BTC-USDT", false);
        assertEquals(List.of(), json(get("/api/v5/public/instruments?instType=SPOT")).get("data"));
        assertEquals("51001", json(get("/api/v5/public/instruments?instType=SPOT&instId=BTC-USDT")).get("code"));
        assertEquals("51001", json(get(HISTORY)).get("code"));
        okx.setKnown("BTC-USDT", true);
        assertFalse(rows(HISTORY).isEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void timeIsTheFakeClock() throws Exception {
        clock.advanceMillis(1234);
        List<Map<String, Object>> data = (List<Map<String, Object>>) json(get("/api/v5/public/time")).get("data");
        assertEquals(List.of(Map.of("ts", Long.toString(clock.millis()))), data);
        assertTrue(get("/api/v5/public/time").body().startsWith("{\"code\":\"0\",\"msg\":\"\",\"data\":"));
    }
}
