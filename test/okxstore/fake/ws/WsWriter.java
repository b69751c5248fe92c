package okxstore.fake.ws;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sending half of a {@link WsConnection}: one virtual thread owns the output stream and
 * drains a bounded outbox, so a slow client never blocks the threads that queue messages.
 */
final class WsWriter {

    private static final Logger LOG = Logger.getLogger(WsWriter.class.getName());
    private static final int OUTBOX_CAPACITY = 4096;

    /** What the writer sends; {@code Stop} only wakes it to leave. */
    sealed interface Outgoing {
        record Text(String text, boolean push, int frames) implements Outgoing { }
        record Binary(byte[] bytes) implements Outgoing { }
        record Pong(byte[] payload) implements Outgoing { }
        record Close(int code, String reason, boolean thenDrop) implements Outgoing { }
        record Stop() implements Outgoing { }
    }

    private final WsConnection connection;
    private final OutputStream out;
    private final WsObservations observations;
    private final BlockingQueue<Outgoing> outbox = new LinkedBlockingQueue<>(OUTBOX_CAPACITY);
    private volatile long lastSentNanos = System.nanoTime();
    private volatile boolean closeSent;
    private volatile long closeSentNanos;

    WsWriter(WsConnection connection, OutputStream out, WsObservations observations) {
        this.connection = connection;
        this.out = out;
        this.observations = observations;
    }

    Thread start() {
        return Thread.ofVirtual().name("fake-okx-ws-write-" + connection.connId()).start(this::loop);
    }

    /** Queues a message; false when the outbox is full. */
    boolean offer(Outgoing o) {
        return outbox.offer(o);
    }

    /** Wakes the thread so that it sees the connection is gone. */
    void stop() {
        outbox.offer(new Outgoing.Stop());
    }

    long lastSentNanos() {
        return lastSentNanos;
    }

    /** True once a close frame went out: nothing else may follow it. */
    boolean closeSent() {
        return closeSent;
    }

    long closeSentNanos() {
        return closeSentNanos;
    }

    private void loop() {
        try {
            while (true) {
                Outgoing o = outbox.take();
                if (!connection.isOpen() || o instanceof Outgoing.Stop) {
                    return;
                }
                if (closeSent) {
                    continue;
                }
                if (connection.isStalled()) {
                    if (o instanceof Outgoing.Close) {
                        connection.drop(); // a stalled peer never gets its close frame
                        return;
                    }
                    continue;
                }
                if (o instanceof Outgoing.Close) {
                    // set before the frame leaves, so the reader knows the client's close is a reply
                    closeSentNanos = System.nanoTime();
                    closeSent = true;
                }
                write(o);
                out.flush();
                lastSentNanos = System.nanoTime();
                if (o instanceof Outgoing.Text t && t.push()) {
                    observations.onPushSent(t.text(), lastSentNanos);
                }
                if (o instanceof Outgoing.Close c && c.thenDrop()) {
                    connection.drop();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(Level.FINER, connection.connId() + ": write failed", e);
            connection.drop();
        }
    }

    private void write(Outgoing o) throws IOException {
        switch (o) {
            case Outgoing.Text t -> WsFrames.writeMessage(out, WsFrames.TEXT,
                t.text().getBytes(StandardCharsets.UTF_8), t.frames());
            case Outgoing.Binary b -> WsFrames.writeMessage(out, WsFrames.BINARY, b.bytes(), 1);
            case Outgoing.Pong p -> WsFrames.write(out, true, WsFrames.PONG, p.payload(), null);
            case Outgoing.Close c -> WsFrames.write(out, true, WsFrames.CLOSE,
                c.code() == WsFrames.NO_STATUS ? new byte[0] : WsFrames.closePayload(c.code(), c.reason()), null);
            case Outgoing.Stop s -> { }
        }
    }
}
