package okxstore.fake.ws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One upgraded socket of the fake. The caller of {@link #run()} is its reader thread (frames in,
 * text to the protocol); a {@link WsWriter} thread sends. Commands from any thread only queue
 * messages or flip volatile flags.
 */
public final class WsConnection {

    private static final Logger LOG = Logger.getLogger(WsConnection.class.getName());

    /** Push bookkeeping of one subscription; touched only by the server's housekeeping thread. */
    static final class PushState {
        long nextPushNanos = System.nanoTime();
        long formingOpenMs = Long.MIN_VALUE;
    }

    private final FakeOkxWebSocket server;
    private final Socket socket;
    private final InputStream in;
    private final WsWriter writer;
    private final String path;
    private final String connId;
    private final Map<Subscription, PushState> subscriptions = new ConcurrentHashMap<>();
    private final SlidingWindow requestLimit;
    private final AtomicInteger fragmentNext = new AtomicInteger();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final AtomicBoolean dropped = new AtomicBoolean();
    private volatile long lastReceivedNanos = System.nanoTime();
    private volatile boolean closeScheduled;
    private volatile long closeAtNanos;
    private volatile boolean stalled;
    private volatile boolean silent;

    WsConnection(FakeOkxWebSocket server, Socket socket, InputStream in, OutputStream out, String path,
            String connId) {
        this.server = server;
        this.socket = socket;
        this.in = in;
        this.writer = new WsWriter(this, out, server.observations());
        this.path = path;
        this.connId = connId;
        FakeWsSettings s = server.settings();
        this.requestLimit = new SlidingWindow(s.requestsPerWindow(), s.requestWindow().toNanos());
    }

    public String connId() {
        return connId;
    }

    /** {@code /ws/v5/public} or {@code /ws/v5/business}. */
    public String path() {
        return path;
    }

    public Set<Subscription> subscriptions() {
        return Set.copyOf(subscriptions.keySet());
    }

    public boolean isOpen() {
        return !dropped.get();
    }

    /** Sends nothing at all (no pushes, no pong, no close frame) until {@link #release()}. */
    public void stall() {
        stalled = true;
    }

    /** Stops candle pushes but keeps answering pings, until {@link #release()}. */
    public void silent() {
        silent = true;
    }

    public void release() {
        stalled = false;
        silent = false;
    }

    /** Splits the next outgoing message into {@code frames} frames. */
    public void fragmentNext(int frames) {
        fragmentNext.set(frames);
    }

    /** Sends any text message, as the server would. */
    public void sendText(String text) {
        send(text, false);
    }

    public void sendBinary(byte[] bytes) {
        enqueue(new WsWriter.Outgoing.Binary(bytes.clone()));
    }

    /** Starts the close handshake; the socket is dropped if the client does not answer in time. */
    public void close(int code, String reason) {
        if (closeRequested.compareAndSet(false, true)) {
            enqueue(new WsWriter.Outgoing.Close(code, reason, false));
        }
    }

    /** Closes the TCP socket without a close frame. */
    public void drop() {
        if (dropped.compareAndSet(false, true)) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.FINER, "closing socket of " + connId, e);
            }
            writer.stop();
            server.unregister(this);
        }
    }

    boolean isStalled() {
        return stalled || server.isStalled();
    }

    boolean isSilent() {
        return silent || server.isSilent();
    }

    SlidingWindow requestLimit() {
        return requestLimit;
    }

    Map<Subscription, PushState> pushStates() {
        return subscriptions;
    }

    void subscribe(Subscription sub) {
        subscriptions.putIfAbsent(sub, new PushState());
        server.observations().changed();
    }

    void unsubscribe(Subscription sub) {
        subscriptions.remove(sub);
        server.observations().changed();
    }

    void send(String text, boolean push) {
        int frames = fragmentNext.getAndSet(0);
        enqueue(new WsWriter.Outgoing.Text(text, push, frames > 1 ? frames : server.fragmentAll()));
    }

    /** Schedules a close (after a 64008 notice) at {@code atNanos}. */
    void scheduleClose(long atNanos) {
        closeAtNanos = atNanos;
        closeScheduled = true;
    }

    /** Timers: close grace, scheduled close, idle close (silence in both directions). */
    void tick(long now) {
        FakeWsSettings s = server.settings();
        if (writer.closeSent()) {
            if (now - writer.closeSentNanos() >= s.closeGrace().toNanos()) {
                drop();
            }
        } else if (closeScheduled && now - closeAtNanos >= 0) {
            close(1001, "Service upgrade");
        } else if (now - lastReceivedNanos >= s.idleTimeout().toNanos()
                && now - writer.lastSentNanos() >= s.idleTimeout().toNanos()) {
            close(4004, "No data received in 30s."); // OKX's text whatever the timeout, API-NOTES §6.4
        }
    }

    /** Reads until the close handshake or the socket ends; then stops the writer. */
    void run() {
        Thread writerThread = writer.start();
        boolean flushFirst = false;
        try {
            flushFirst = readLoop();
        } catch (WsFrames.ProtocolError e) {
            LOG.fine(() -> connId + ": protocol error " + e.code + " " + e.getMessage());
            enqueue(new WsWriter.Outgoing.Close(e.code, e.getMessage(), true));
            flushFirst = true;
        } catch (IOException e) {
            LOG.log(Level.FINER, connId + ": socket ended", e);
        } finally {
            try {
                if (flushFirst) {
                    writerThread.join(server.settings().closeGrace());
                }
                drop();
                writerThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                drop();
            }
        }
    }

    /** Returns true when a close reply is queued and should be flushed before the socket closes. */
    private boolean readLoop() throws IOException {
        int maxBytes = server.settings().maxMessageBytes();
        ByteArrayOutputStream partial = null;
        int partialOpcode = 0;
        while (true) {
            WsFrames.Frame f = WsFrames.read(in, maxBytes, /* requireMask= */ true);
            lastReceivedNanos = System.nanoTime();
            switch (f.opcode()) {
                case WsFrames.PING -> enqueue(new WsWriter.Outgoing.Pong(f.payload()));
                case WsFrames.PONG -> { }
                case WsFrames.CLOSE -> {
                    if (writer.closeSent()) {
                        return false; // the reply to our close
                    }
                    WsFrames.CloseReason reason = WsFrames.parseClose(f.payload());
                    closeRequested.set(true);
                    enqueue(new WsWriter.Outgoing.Close(reason.code(), "", true));
                    return true;
                }
                case WsFrames.CONTINUATION -> {
                    if (partial == null) {
                        throw new WsFrames.ProtocolError(1002, "continuation frame without a message");
                    }
                    if (partial.size() + f.payload().length > maxBytes) {
                        throw new WsFrames.ProtocolError(1009, "message too long");
                    }
                    partial.write(f.payload());
                    if (f.fin()) {
                        deliver(partialOpcode, partial.toByteArray());
                        partial = null;
                    }
                }
                default -> {
                    if (partial != null) {
                        throw new WsFrames.ProtocolError(1002, "new message inside a fragmented one");
                    }
                    if (f.fin()) {
                        deliver(f.opcode(), f.payload());
                    } else {
                        partial = new ByteArrayOutputStream();
                        partial.write(f.payload());
                        partialOpcode = f.opcode();
                    }
                }
            }
        }
    }

    private void deliver(int opcode, byte[] payload) throws WsFrames.ProtocolError {
        if (opcode == WsFrames.BINARY) {
            LOG.fine(() -> connId + ": ignored a binary message of " + payload.length + " bytes");
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new WsFrames.ProtocolError(1007, "text message is not UTF-8");
        }
        server.observations().onReceived(new FakeOkxWebSocket.Received(connId, path, text));
        server.protocol().onText(this, text);
    }

    private void enqueue(WsWriter.Outgoing o) {
        if (!dropped.get() && !writer.offer(o)) {
            LOG.warning(connId + ": outbox full, dropping the connection (OKX's 4005 buffer full)");
            drop();
        }
    }
}
