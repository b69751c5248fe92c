package okxstore.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okxstore.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeOkxTroubleTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String CANDLES = "/api/v5/market/candles?instId=BTC-USDT&limit=300";
    static final Duration WAIT = Duration.ofSeconds(5);

    final FakeClock clock = FakeClock.at("2026-01-15T12:00:30Z");
    FakeOkx okx;

    @BeforeEach
    void start() throws IOException {
        okx = FakeOkx.builder().clock(clock).rateLimits(false)
            .instrument("BTC-USDT", Instant.parse("2025-12-01T08:00:00Z").toEpochMilli()).build();
    }

    @AfterEach
    void stop() {
        okx.close();
    }

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    CompletableFuture<HttpResponse<String>> send(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(okx.baseUrl() + pathAndQuery)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(pathAndQuery).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void failNext_answersWithOkxsErrors_thenRecovers() throws Exception {
        okx.failNext(1, Fault.UNAVAILABLE);
        okx.failNext(1, Fault.BUSY);
        okx.failNext(1, Fault.GARBAGE);
        HttpResponse<String> r = get(CANDLES);
        assertEquals(503, r.statusCode());
        assertEquals("50001", ((Map<?, ?>) Json.parse(r.body())).get("code"));
        r = get(CANDLES);
        assertEquals(429, r.statusCode());
        assertEquals("50013", ((Map<?, ?>) Json.parse(r.body())).get("code"));
        r = get(CANDLES);
        assertEquals(500, r.statusCode());
        assertTrue(r.body().startsWith("<html>"));
        assertEquals(200, get(CANDLES).statusCode());
        assertEquals(3, okx.log().faultedCount(Endpoint.CANDLES));
    }

    @Test
    void failuresCanTargetOneEndpoint_orAFraction() throws Exception {
        okx.failNext(Endpoint.TIME, 1, Fault.UNAVAILABLE);
        assertEquals(200, get(CANDLES).statusCode());
        assertEquals(503, get("/api/v5/public/time").statusCode());
        okx.misbehaviour().failFraction(0.5, Fault.UNAVAILABLE);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(get("/api/v5/public/time").statusCode());
        }
        assertEquals(List.of(200, 503, 200, 503, 200, 503), statuses);
        okx.misbehaviour().clearFaults();
        assertEquals(200, get("/api/v5/public/time").statusCode());
    }

    @Test
    void truncatedBody_breaksTheExchange() throws Exception {
        okx.failNext(1, Fault.TRUNCATED);
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(CANDLES));
        assertInstanceOf(IOException.class, e.getCause());
        assertEquals(200, get(CANDLES).statusCode());
    }

    @Test
    void stalledRequest_waitsUntilReleased() throws Exception {
        okx.failNext(1, Fault.STALL);
        CompletableFuture<HttpResponse<String>> stalled = send(CANDLES);
        assertTrue(okx.misbehaviour().awaitStalled(1, WAIT));
        assertEquals(200, get("/api/v5/public/time").statusCode(), "others are still served");
        assertFalse(stalled.isDone());
        okx.releaseStalled();
        assertEquals(200, stalled.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode());
    }

    @Test
    void stallMidBody_sendsHeadersThenHangs() throws Exception {
        okx.failNext(1, Fault.STALL_BODY);
        HttpRequest request = HttpRequest.newBuilder(URI.create(okx.baseUrl() + CANDLES)).build();
        CompletableFuture<HttpResponse<String>> headersOnly = new CompletableFuture<>();
        CompletableFuture<HttpResponse<String>> whole = HTTP.sendAsync(request, info -> {
            headersOnly.complete(null);
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        });
        headersOnly.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(okx.misbehaviour().awaitStalled(1, WAIT));
        assertFalse(whole.isDone());
        okx.releaseStalled();
        HttpResponse<String> r = whole.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("0", ((Map<?, ?>) Json.parse(r.body())).get("code"));
    }

    @Test
    void closeEndsStalledRequestsWithoutAnswer() throws Exception {
        okx.failNext(1, Fault.STALL);
        CompletableFuture<HttpResponse<String>> stalled = send(CANDLES);
        assertTrue(okx.misbehaviour().awaitStalled(1, WAIT));
        okx.close();
        ExecutionException e =
            assertThrows(ExecutionException.class, () -> stalled.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void latencyDoesNotSerialiseRequests() throws Exception {
        okx.setLatency(Duration.ofMillis(300));
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(send(CANDLES));
        }
        for (CompletableFuture<HttpResponse<String>> f : all) {
            assertEquals(200, f.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode());
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms >= 300 && ms < 1_500, "8 requests with 300 ms latency took " + ms + " ms");
    }

    @Test
    void servesThousandsOfBarsPerSecond() throws Exception {
        long start = System.nanoTime();
        long after = clock.millis();
        int bars = 0;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = get("/api/v5/market/history-candles?instId=BTC-USDT&limit=300&after=" + after);
            after -= 300 * 60_000L;
            bars += r.body().split("\\],\\[").length;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(9_000, bars);
        assertTrue(ms < 3_000, bars + " bars took " + ms + " ms");
    }
}
