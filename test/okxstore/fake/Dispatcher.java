package okxstore.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers one HTTP exchange of the fake: logs it, applies the rate limit, the latency and any
 * fault, then the endpoint. Runs on the request's own virtual thread; shares only thread-safe parts.
 */
final class Dispatcher implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final InstantSource clock;
    private final RateWindow limits;
    private final Misbehaviour misbehaviour;
    private final RequestLog log;
    private final CandleEndpoint candles;
    private final PublicEndpoints publics;

    Dispatcher(InstantSource clock, RateWindow limits, Misbehaviour misbehaviour, RequestLog log,
               CandleEndpoint candles, PublicEndpoints publics) {
        this.clock = clock;
        this.limits = limits;
        this.misbehaviour = misbehaviour;
        this.log = log;
        this.candles = candles;
        this.publics = publics;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (IOException e) {
            LOG.log(Level.FINE, "fake OKX: exchange ended early", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "fake OKX: handler failed on " + exchange.getRequestURI(), e);
        } finally {
            closeQuietly(exchange);
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        String query = uri.getRawQuery();
        Endpoint endpoint = "GET".equals(exchange.getRequestMethod()) ? Endpoint.of(path) : null;
        if (endpoint == null) {
            log.record(new FakeRequest(null, path, query, clock.millis(), false));
            send(exchange, Reply.notFound());
            return;
        }
        Map<String, String> params = params(query);
        String caller = exchange.getRemoteAddress().getAddress().getHostAddress();
        if (endpoint == Endpoint.INSTRUMENTS) {
            caller += " " + params.get("instType"); // instruments are limited per IP + instType, API-NOTES §4
        }
        boolean admitted = limits.admit(endpoint, caller);
        log.record(new FakeRequest(endpoint, path, query, clock.millis(), !admitted));
        if (!admitted) {
            send(exchange, Reply.rateLimited());
            return;
        }
        misbehaviour.delay();
        Fault fault = misbehaviour.next(endpoint);
        if (fault != null) {
            log.faulted(endpoint);
            LOG.fine(() -> "fake OKX: " + fault + " on " + uri);
        }
        if (fault == Fault.STALL && !misbehaviour.stall()) {
            return; // closing: the request never gets an answer
        }
        if (fault == Fault.UNAVAILABLE || fault == Fault.BUSY || fault == Fault.GARBAGE) {
            send(exchange, Reply.of(fault));
            return;
        }
        Reply reply = switch (endpoint) {
            case CANDLES, HISTORY_CANDLES -> candles.handle(endpoint, params);
            case INSTRUMENTS -> publics.instruments(params);
            case TIME -> publics.time();
        };
        if (fault == Fault.STALL_BODY || fault == Fault.TRUNCATED) {
            sendPart(exchange, reply, fault);
        } else {
            send(exchange, reply);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType() + "; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Announces the whole body, writes half; the rest only for a released STALL_BODY. */
    private void sendPart(HttpExchange exchange, Reply reply, Fault fault) throws IOException, InterruptedException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        exchange.getResponseHeaders().set("Content-Type", reply.contentType() + "; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, half);
        out.flush();
        if (fault == Fault.STALL_BODY && misbehaviour.stall()) {
            out.write(body, half, body.length - half);
            out.close();
        }
        // otherwise closing the exchange short of the announced length drops the connection
    }

    private static void closeQuietly(HttpExchange exchange) {
        try {
            exchange.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "fake OKX: close failed", e);
        }
    }

    /** Decoded query parameters; the first of repeated names wins, malformed pairs are dropped. */
    static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(key, value);
            } catch (IllegalArgumentException e) {
                continue; // a malformed %-escape: the pair is ignored
            }
        }
        return params;
    }
}
