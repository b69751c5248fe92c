package okxstore.fake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import okxstore.candle.Bar;
import okxstore.fake.ws.FakeOkxWebSocket;
import okxstore.fake.ws.FakeWsSettings;
import okxstore.fake.ws.PushSource;

/**
 * The whole fake OKX: the REST fake and the WebSocket fake over one candle truth and one clock,
 * so that live pushes and REST pages agree bar for bar. Writes config files pointing a store at it.
 */
public final class FakeMarket implements AutoCloseable {
    private final FakeOkx rest;
    private final FakeOkxWebSocket ws;

    private FakeMarket(FakeOkx rest, FakeOkxWebSocket ws) {
        this.rest = rest;
        this.ws = ws;
    }

    /** Starts both fakes; {@code rest} is already configured with its instruments and clock. */
    public static FakeMarket start(FakeOkx rest, FakeWsSettings wsSettings) throws IOException {
        PushSource source = new PushSource() {
            @Override
            public boolean knows(String instId) {
                FakeInstrument i = rest.instrument(instId);
                return i != null && i.known();
            }

            @Override
            public String[] row(String instId, Bar bar, long openMs, long nowMs) {
                return rest.truth().rowAt(instId, bar, openMs, nowMs);
            }
        };
        try {
            return new FakeMarket(rest, FakeOkxWebSocket.start(source, rest.clock(), wsSettings));
        } catch (IOException | RuntimeException e) {
            rest.close();
            throw e;
        }
    }

    /** A market on the real clock with the given instruments listed {@code listedDaysAgo} days ago. */
    public static FakeMarket realTime(int listedDaysAgo, Duration pushInterval, String... instIds) throws IOException {
        long listed = System.currentTimeMillis() - Duration.ofDays(listedDaysAgo).toMillis();
        FakeOkx.Builder b = FakeOkx.builder().clock(InstantSource.system());
        for (String id : instIds) {
            b.instrument(id, listed);
        }
        return start(b.build(), FakeWsSettings.defaults().withPushInterval(pushInterval));
    }

    public FakeOkx rest() {
        return rest;
    }

    public FakeOkxWebSocket ws() {
        return ws;
    }

    /** Config lines that point a store at this market, with timings short enough for tests. */
    public Map<String, String> config() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("okx.rest.url", rest.baseUrl());
        c.put("okx.ws.business.url", ws.businessUri().toString());
        c.put("okx.ws.public.url", ws.publicUri().toString());
        c.put("rest.backoff.base.ms", "20");
        c.put("rest.backoff.max.ms", "200");
        c.put("rest.timeout.seconds", "5");
        c.put("ws.reconnect.min.ms", "50");
        c.put("ws.reconnect.max.ms", "500");
        c.put("ws.ping.seconds", "2");
        c.put("ws.pong.timeout.seconds", "1");
        c.put("ws.stale.seconds", "3");
        c.put("ws.confirm.grace.seconds", "1");
        c.put("ws.retry.cooldown.seconds", "1");
        c.put("status.interval.seconds", "1");
        return c;
    }

    /** Writes a config file with {@link #config()} plus {@code extra} lines ("key=value"). */
    public Path writeConfig(Path file, String... extra) throws IOException {
        List<String> lines = new ArrayList<>();
        config().forEach((k, v) -> lines.add(k + "=" + v));
        lines.addAll(List.of(extra));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
        return file;
    }

    @Override
    public void close() {
        try {
            ws.close();
        } finally {
            rest.close();
        }
    }
}
