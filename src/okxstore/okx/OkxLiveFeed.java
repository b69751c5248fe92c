package okxstore.okx;

import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.candle.LiveFeed;

/**
 * OKX's live candles over {@code java.net.http.WebSocket} on the business socket (API-NOTES §6): keeps
 * every declared series subscribed across drops, stalls, silent sockets and 64008 upgrades, spread over
 * as many connections as OKX's limits need. Threads: one dispatcher (owns all state, calls the
 * listener), one timer (posts ticks), the HttpClient's own; {@link #close()} stops and joins them all.
 * Thread-safe.
 */
public final class OkxLiveFeed implements LiveFeed {

    private static final Logger LOG = Logger.getLogger(OkxLiveFeed.class.getName());
    private static final int BATCH = 256;
    private static final Duration JOIN_WAIT = Duration.ofSeconds(5);

    private final WsSettings settings;
    private final RandomGenerator random;
    private final WsCounters counters = new WsCounters();
    private final WsInbox inbox;
    private final WsFeedState state;
    private final ReentrantLock lifecycleLock = new ReentrantLock();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private HttpClient client;
    private ExecutorService io;
    private Thread dispatcher;
    private Thread timer;
    private volatile boolean started;
    private volatile boolean closed;

    /** A feed with the system's default random generator for reconnect jitter. */
    public OkxLiveFeed(WsSettings settings, Listener listener, InstantSource clock) {
        this(settings, listener, clock, RandomGenerator.getDefault());
    }

    public OkxLiveFeed(WsSettings settings, Listener listener, InstantSource clock, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
        this.inbox = new WsInbox(settings.queueCapacity());
        WsLogThrottle warnings = new WsLogThrottle(LOG, Objects.requireNonNull(clock, "clock"), Duration.ofSeconds(10));
        this.state = new WsFeedState(settings, clock, Objects.requireNonNull(listener, "listener"), counters,
            warnings, inbox);
    }

    @Override
    public void start() {
        lifecycleLock.lock();
        try {
            if (started || closed) {
                return;
            }
            started = true;
            io = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("okx-ws-io-", 0).factory());
            HttpClient.Builder builder = HttpClient.newBuilder().executor(io).connectTimeout(settings.connectTimeout());
            settings.proxyAddress().ifPresent(a -> builder.proxy(ProxySelector.of(a)));
            client = builder.build();
            HttpClient http = client;
            WsLifecycle lifecycle = new WsLifecycle(state,
                s -> s.open(http, settings.url(), settings.connectTimeout()), random);
            WsDispatcher handler = new WsDispatcher(state, lifecycle);
            dispatcher = Thread.ofPlatform().name("okx-ws-dispatcher").daemon(true)
                .unstarted(() -> dispatchLoop(handler, lifecycle));
            timer = Thread.ofPlatform().name("okx-ws-timer").daemon(true).unstarted(this::timerLoop);
            dispatcher.start();
            timer.start();
            LOG.info(() -> "live feed started on " + settings.url());
        } finally {
            lifecycleLock.unlock();
        }
    }

    @Override
    public void subscribe(InstrumentId id, Bar bar) {
        if (closed) {
            return;
        }
        inbox.control(new WsInput.Subscribe(Objects.requireNonNull(id, "id"), Objects.requireNonNull(bar, "bar")));
    }

    @Override
    public void unsubscribe(InstrumentId id, Bar bar) {
        if (closed) {
            return;
        }
        inbox.control(new WsInput.Unsubscribe(Objects.requireNonNull(id, "id"), Objects.requireNonNull(bar, "bar")));
    }

    @Override
    public List<Map<String, Object>> connections() {
        return state.connections.stream().map(WsConnection::describe).toList();
    }

    @Override
    public Map<String, Long> counters() {
        return counters.snapshot();
    }

    @Override
    public void close() {
        lifecycleLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (!started) {
                return;
            }
            timer.interrupt();
            inbox.control(new WsInput.Stop());
            join(timer);
            if (Thread.currentThread() == dispatcher) {
                client.shutdownNow(); // closed from the listener: the loop ends when the listener returns
                io.shutdown();
                return;
            }
            if (!join(dispatcher)) {
                dispatcher.interrupt(); // a listener that does not return
                join(dispatcher);
            }
            client.shutdownNow();
            io.shutdownNow();
            awaitTermination();
            LOG.info("live feed closed");
        } finally {
            lifecycleLock.unlock();
        }
    }

    /** True once every thread this feed started has ended (and its HttpClient with them). */
    boolean stopped() {
        return closed && (!started || !dispatcher.isAlive() && !timer.isAlive() && client.isTerminated()
            && io.isTerminated());
    }

    private void dispatchLoop(WsDispatcher handler, WsLifecycle lifecycle) {
        try {
            while (true) {
                WsInput input = inbox.take();
                for (int n = 1; input != null; n++) {
                    if (input instanceof WsInput.Stop) {
                        return;
                    }
                    if (input instanceof WsInput.Tick) {
                        tickQueued.set(false);
                    }
                    try {
                        handler.handle(input);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "live feed: handling " + input.getClass().getSimpleName() + " failed", e);
                    }
                    input = n < BATCH ? inbox.poll() : null;
                }
                try {
                    lifecycle.plan();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "live feed: planning connections failed", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lifecycle.stop();
        }
    }

    private void timerLoop() {
        long tickMs = settings.tick().toMillis();
        while (!closed) {
            try {
                Thread.sleep(tickMs);
            } catch (InterruptedException e) {
                return;
            }
            if (!tickQueued.getAndSet(true)) {
                inbox.control(new WsInput.Tick());
            }
        }
    }

    private static boolean join(Thread t) {
        try {
            return t.join(JOIN_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !t.isAlive();
        }
    }

    private void awaitTermination() {
        try {
            if (!client.awaitTermination(JOIN_WAIT) | !io.awaitTermination(JOIN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("live feed: HttpClient threads still running after " + JOIN_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
