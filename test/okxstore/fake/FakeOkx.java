package okxstore.fake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import okxstore.candle.Bar;

/**
 * A fake OKX REST API on 127.0.0.1 (port 0), built from API-NOTES: candles, history candles,
 * instruments and time, OKX's rate limits, error bodies and trouble on command. Each request runs
 * on its own virtual thread, so latency never serialises requests. Every method is thread-safe.
 * <pre>
 * try (FakeOkx okx = FakeOkx.builder().clock(clock).instrument("BTC-USDT", listTime).build()) {
 *     client.get(okx.baseUrl() + "/api/v5/market/candles?instId=BTC-USDT&amp;bar=1m");
 * }</pre>
 */
public final class FakeOkx implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final InstantSource clock;
    private final CandleTruth truth;
    private final Map<String, FakeInstrument> instruments;
    private final RateWindow limits;
    private final Misbehaviour misbehaviour = new Misbehaviour();
    private final RequestLog log = new RequestLog();

    private FakeOkx(Builder b) throws IOException {
        this.clock = b.clock;
        this.truth = new CandleTruth(b.seed, b.clock, b.zeroVolumeFraction);
        this.instruments = new ConcurrentSkipListMap<>();
        this.limits = new RateWindow(b.nanoClock);
        limits.setEnabled(b.rateLimits);
        for (FakeInstrument i : b.instruments) {
            addInstrument(i);
        }
        for (HoleSpec h : b.holes) {
            truth.hole(h.instId(), h.bar(), h.from(), h.to());
        }
        Dispatcher dispatcher = new Dispatcher(clock, limits, misbehaviour, log,
            new CandleEndpoint(truth, instruments), new PublicEndpoints(truth, instruments, clock));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", dispatcher);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}, to use as {@code okx.rest.url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InstantSource clock() {
        return clock;
    }

    /** The bars this exchange serves (shares the fake's clock, listings and holes). */
    public CandleTruth truth() {
        return truth;
    }

    /** Every request received, and counters per endpoint. */
    public RequestLog log() {
        return log;
    }

    /** Latency, faults and stalls on command. */
    public Misbehaviour misbehaviour() {
        return misbehaviour;
    }

    /** The per-endpoint rate limits (OKX's by default). */
    public RateWindow limits() {
        return limits;
    }

    /** Lists (or relists) an instrument: candles from its listing time, an entry in the instruments list. */
    public void addInstrument(FakeInstrument instrument) {
        truth.listing(instrument.instId(), instrument.listTime());
        instruments.put(instrument.instId(), instrument);
    }

    public void addInstrument(String instId, long listTime) {
        addInstrument(FakeInstrument.live(instId, listTime));
    }

    /** Sets the state the instruments list shows ({@code live}, {@code suspend}, {@code preopen}, ...). */
    public void setState(String instId, String state) {
        update(instId, i -> i.withState(state));
    }

    /** An unknown instrument answers 51001 on candles and vanishes from the list; known again restores it. */
    public void setKnown(String instId, boolean known) {
        update(instId, i -> i.withKnown(known));
    }

    public FakeInstrument instrument(String instId) {
        return instruments.get(instId);
    }

    private void update(String instId, UnaryOperator<FakeInstrument> change) {
        if (instruments.computeIfPresent(instId, (id, i) -> change.apply(i)) == null) {
            throw new IllegalArgumentException("fake OKX does not list " + instId);
        }
    }

    /** A genuine hole: no {@code bar} bars of {@code instId} open in [from, to). */
    public void addHole(String instId, Bar bar, long fromInclusive, long toExclusive) {
        truth.hole(instId, bar, fromInclusive, toExclusive);
    }

    public void setLimit(Endpoint endpoint, int perTwoSeconds) {
        limits.setLimit(endpoint, perTwoSeconds);
    }

    public void setRateLimits(boolean enabled) {
        limits.setEnabled(enabled);
    }

    public void setLatency(Duration latency) {
        misbehaviour.setLatency(latency);
    }

    public void failNext(int n, Fault fault) {
        misbehaviour.failNext(n, fault);
    }

    public void failNext(Endpoint endpoint, int n, Fault fault) {
        misbehaviour.failNext(endpoint, n, fault);
    }

    public void releaseStalled() {
        misbehaviour.releaseStalled();
    }

    /** Requests to {@code endpoint} answered past the rate limit (faults included). */
    public long served(Endpoint endpoint) {
        return log.servedCount(endpoint);
    }

    /** HTTP 429 {@code 50011} answers sent for {@code endpoint}. */
    public long rateLimited(Endpoint endpoint) {
        return log.rateLimitedCount(endpoint);
    }

    public List<FakeRequest> requests() {
        return log.all();
    }

    /** Frees stalled requests without an answer, closes every connection and stops the threads. */
    @Override
    public void close() {
        misbehaviour.close();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record HoleSpec(String instId, Bar bar, long from, long to) {
    }

    /** Configuration of a {@link FakeOkx}; defaults: system clock, seed 42, OKX's rate limits on. */
    public static final class Builder {
        private InstantSource clock = InstantSource.system();
        private LongSupplier nanoClock = System::nanoTime;
        private long seed = 42;
        private double zeroVolumeFraction = CandleTruth.DEFAULT_ZERO_VOLUME_FRACTION;
        private boolean rateLimits = true;
        private final List<FakeInstrument> instruments = new ArrayList<>();
        private final List<HoleSpec> holes = new ArrayList<>();

        private Builder() {
        }

        /** The exchange's clock: "now" for unfinished bars, horizons and {@code /public/time}. */
        public Builder clock(InstantSource c) {
            this.clock = c;
            return this;
        }

        /** The monotonic clock of the rate-limit windows ({@code System::nanoTime} by default). */
        public Builder nanoClock(LongSupplier c) {
            this.nanoClock = c;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder zeroVolumeFraction(double f) {
            this.zeroVolumeFraction = f;
            return this;
        }

        public Builder rateLimits(boolean enabled) {
            this.rateLimits = enabled;
            return this;
        }

        /** A live instrument listed at {@code listTime} (epoch ms). */
        public Builder instrument(String instId, long listTime) {
            return instrument(FakeInstrument.live(instId, listTime));
        }

        public Builder instrument(String instId, long listTime, String state) {
            return instrument(FakeInstrument.live(instId, listTime).withState(state));
        }

        public Builder instrument(FakeInstrument instrument) {
            instruments.add(instrument);
            return this;
        }

        /** A genuine hole: no {@code bar} bars of {@code instId} open in [from, to). */
        public Builder hole(String instId, Bar bar, long fromInclusive, long toExclusive) {
            holes.add(new HoleSpec(instId, bar, fromInclusive, toExclusive));
            return this;
        }

        /** Binds 127.0.0.1 on a free port and starts serving. */
        public FakeOkx build() throws IOException {
            return new FakeOkx(this);
        }
    }
}
