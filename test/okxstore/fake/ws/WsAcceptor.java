package okxstore.fake.ws;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The listening side of the fake: accepts sockets on loopback, runs each one's handshake on its
 * own virtual thread (paths, refusals, the connection rate limit) and hands it to a
 * {@link WsConnection}. {@link #close()} ends handshakes in progress too.
 */
final class WsAcceptor {

    private static final Logger LOG = Logger.getLogger(WsAcceptor.class.getName());
    private static final int HANDSHAKE_TIMEOUT_MS = 5_000;

    private final FakeOkxWebSocket server;
    private final ServerSocket serverSocket;
    private final SlidingWindow connectionLimit;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    /** Every accepted socket until its thread ends. */
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connSeq = new AtomicInteger();
    private volatile boolean closed;

    WsAcceptor(FakeOkxWebSocket server) throws IOException {
        this.server = server;
        FakeWsSettings s = server.settings();
        this.connectionLimit = new SlidingWindow(s.connectionsPerWindow(), s.connectionWindow().toNanos());
        this.serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** The accepting thread's body: runs until {@link #close()}. */
    void loop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "accept failed", e);
                }
                return;
            }
            if (server.commands().refusal() == FakeOkxWebSocket.Refusal.CLOSE_SOCKET) {
                server.observations().onRefused();
                closeQuietly(socket);
                continue;
            }
            sockets.add(socket);
            if (closed) {
                closeQuietly(socket); // close() may have passed the set already
            }
            Thread t = Thread.ofVirtual().name("fake-okx-ws-conn").unstarted(() -> serve(socket));
            threads.removeIf(old -> old.getState() == Thread.State.TERMINATED);
            threads.add(t);
            t.start();
        }
    }

    /** Stops accepting and closes the sockets still in their handshake. */
    void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the server socket", e);
        }
        sockets.forEach(WsAcceptor::closeQuietly);
    }

    void joinConnectionThreads() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    int liveConnectionThreads() {
        return (int) threads.stream().filter(Thread::isAlive).count();
    }

    /** Runs the handshake, then the connection's read loop, on this connection's own thread. */
    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            WsHandshake.Request request = WsHandshake.read(in);
            String path = request.path();
            if (!path.equals(OkxWsProtocol.PUBLIC_PATH) && !path.equals(OkxWsProtocol.BUSINESS_PATH)) {
                WsHandshake.reject(out, 404, "Not Found", "");
            } else if (!request.isUpgrade()) {
                WsHandshake.reject(out, 400, "Bad Request", "");
            } else if (!request.isVersion13()) {
                WsHandshake.reject(out, 426, "Upgrade Required", "Sec-WebSocket-Version: 13");
            } else if (server.commands().refusal() == FakeOkxWebSocket.Refusal.HTTP_503) {
                server.observations().onRefused();
                WsHandshake.reject(out, 503, "Service Unavailable", "");
            } else if (closed || !connectionLimit.tryAcquire(System.nanoTime())) {
                server.observations().onRefused();
                WsHandshake.reject(out, 429, "Too Many Requests", "");
            } else {
                upgrade(socket, in, out, request);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "handshake failed", e);
        } finally {
            sockets.remove(socket);
        }
    }

    private void upgrade(Socket socket, InputStream in, OutputStream out, WsHandshake.Request request)
            throws IOException {
        String connId = String.format(Locale.ROOT, "%08x", connSeq.incrementAndGet() * 0x9E3779B1);
        WsConnection c = new WsConnection(server, socket, in, out, request.path(), connId);
        // counted before the 101 goes out, so a connected client always finds itself counted
        server.register(c);
        LOG.fine(() -> "accepted " + connId + " on " + request.path());
        try {
            WsHandshake.accept(out, request);
            socket.setSoTimeout(0);
            if (!closed) {
                c.run();
            }
        } finally {
            c.drop();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.FINER, "closing a socket", e);
        }
    }
}
