package okxstore.fake.ws;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjLongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A fake OKX WebSocket server on loopback (RFC 6455 by hand on a {@code java.net.ServerSocket}) serving
 * {@code /ws/v5/public} and {@code /ws/v5/business}, with OKX's limits and commands to
 * misbehave. One virtual thread accepts, one does housekeeping (pushes, idle and close timers),
 * each connection has a reader and a writer thread; {@link #close()} stops and joins them all.
 * Every public method is thread-safe.
 */
public final class FakeOkxWebSocket implements AutoCloseable {

    /** How {@link FakeWsCommands#refuse} turns new connections away. */
    public enum Refusal { CLOSE_SOCKET, HTTP_503 }

    /** A text message a client sent. */
    public record Received(String connId, String path, String text) {
    }

    private static final Logger LOG = Logger.getLogger(FakeOkxWebSocket.class.getName());
    private static final Duration TICK = Duration.ofMillis(5);

    private final FakeWsSettings settings;
    private final OkxWsProtocol protocol;
    private final WsObservations observations = new WsObservations();
    private final Set<WsConnection> connections = ConcurrentHashMap.newKeySet();
    private final FakeWsCommands commands = new FakeWsCommands(this);
    private final WsAcceptor acceptor;
    private final Thread acceptorThread;
    private final Thread housekeeper;
    private volatile boolean closed;

    private FakeOkxWebSocket(PushSource source, InstantSource clock, FakeWsSettings settings) throws IOException {
        this.settings = settings;
        this.protocol = new OkxWsProtocol(source, clock);
        this.acceptor = new WsAcceptor(this);
        this.acceptorThread = Thread.ofVirtual().name("fake-okx-ws-accept").unstarted(acceptor::loop);
        this.housekeeper = Thread.ofVirtual().name("fake-okx-ws-housekeeping").unstarted(this::housekeepingLoop);
    }

    /** Starts a server on OKX's real timings and limits. */
    public static FakeOkxWebSocket start(PushSource source, InstantSource clock) throws IOException {
        return start(source, clock, FakeWsSettings.defaults());
    }

    public static FakeOkxWebSocket start(PushSource source, InstantSource clock, FakeWsSettings settings)
            throws IOException {
        FakeOkxWebSocket server = new FakeOkxWebSocket(source, clock, settings);
        server.acceptorThread.start();
        server.housekeeper.start();
        return server;
    }

    public int port() {
        return acceptor.port();
    }

    /** {@code ws://127.0.0.1:port/ws/v5/public} (no candles there). */
    public URI publicUri() {
        return URI.create("ws://127.0.0.1:" + port() + OkxWsProtocol.PUBLIC_PATH);
    }

    /** {@code ws://127.0.0.1:port/ws/v5/business}, where candle channels live. */
    public URI businessUri() {
        return URI.create("ws://127.0.0.1:" + port() + OkxWsProtocol.BUSINESS_PATH);
    }

    public FakeWsSettings settings() {
        return settings;
    }

    /** The misbehaviour switches: drop, refuse, stall, silence, notice, garbage, fragmentation. */
    public FakeWsCommands commands() {
        return commands;
    }

    /** The connections open now, in no particular order. */
    public List<WsConnection> connections() {
        return List.copyOf(connections);
    }

    public int connectionCount() {
        return connections.size();
    }

    /** Every subscription of every open connection. */
    public Set<Subscription> subscriptions() {
        return connections.stream().flatMap(c -> c.subscriptions().stream()).collect(Collectors.toUnmodifiableSet());
    }

    public long acceptedConnections() {
        return observations.accepted();
    }

    /** Connections turned away by {@link FakeWsCommands#refuse} or the connection rate limit. */
    public long refusedConnections() {
        return observations.refused();
    }

    public long pushesSent() {
        return observations.pushes();
    }

    /**
     * Sets (or with null, clears) a hook called on a connection's writer thread after each candle push
     * has been written and flushed, with its text and {@link System#nanoTime} then; keep it short.
     */
    public void setPushObserver(ObjLongConsumer<String> observer) {
        observations.setPushObserver(observer);
    }

    /** The text messages clients sent, oldest first (the last 10,000). */
    public List<Received> received() {
        return observations.received();
    }

    public boolean awaitSubscribed(String channel, String instId, Duration timeout) throws InterruptedException {
        Subscription sub = new Subscription(channel, instId);
        return observations.await(() -> connections.stream().anyMatch(c -> c.subscriptions().contains(sub)), timeout);
    }

    public boolean awaitUnsubscribed(String channel, String instId, Duration timeout) throws InterruptedException {
        Subscription sub = new Subscription(channel, instId);
        return observations.await(() -> connections.stream().noneMatch(c -> c.subscriptions().contains(sub)),
            timeout);
    }

    public boolean awaitConnectionCount(int count, Duration timeout) throws InterruptedException {
        return observations.await(() -> connections.size() == count, timeout);
    }

    public boolean awaitAccepted(long total, Duration timeout) throws InterruptedException {
        return observations.await(() -> observations.accepted() >= total, timeout);
    }

    public boolean awaitPushes(long total, Duration timeout) throws InterruptedException {
        return observations.await(() -> observations.pushes() >= total, timeout);
    }

    /** Waits until some client has sent a text containing {@code fragment}. */
    public boolean awaitReceived(String fragment, Duration timeout) throws InterruptedException {
        return observations.await(() -> observations.received().stream().anyMatch(r -> r.text().contains(fragment)),
            timeout);
    }

    /** Number of the server's threads still alive; 0 after {@link #close()}. */
    public int liveThreads() {
        int n = (acceptorThread.isAlive() ? 1 : 0) + (housekeeper.isAlive() ? 1 : 0);
        return n + acceptor.liveConnectionThreads();
    }

    /** Stops accepting, drops every connection and joins every thread the server started. */
    @Override
    public void close() {
        closed = true;
        acceptor.close();
        connections.forEach(WsConnection::drop);
        housekeeper.interrupt();
        try {
            acceptorThread.join();
            housekeeper.join();
            acceptor.joinConnectionThreads();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isStalled() {
        return commands.isStalled();
    }

    boolean isSilent() {
        return commands.isSilent();
    }

    int fragmentAll() {
        return commands.fragmentAll();
    }

    OkxWsProtocol protocol() {
        return protocol;
    }

    WsObservations observations() {
        return observations;
    }

    /** Adds a connection before its 101 goes out; drops it at once if the server is closing. */
    void register(WsConnection c) {
        connections.add(c);
        observations.onAccepted();
        if (closed) {
            c.drop();
        }
    }

    void unregister(WsConnection c) {
        connections.remove(c);
        observations.changed();
    }

    private void housekeepingLoop() {
        long interval = settings.pushInterval().toNanos();
        while (!closed) {
            long now = System.nanoTime();
            for (WsConnection c : connections) {
                try {
                    c.tick(now);
                    protocol.pushDue(c, now, interval);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, c.connId() + ": housekeeping failed", e);
                }
            }
            try {
                Thread.sleep(TICK);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
