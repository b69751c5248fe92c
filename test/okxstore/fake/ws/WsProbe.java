package okxstore.fake.ws;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test client on the JDK's {@link WebSocket}: records every message, pong, close and error as
 * an {@link Event} in arrival order. Callbacks run on the client's threads; the test thread reads
 * the queue.
 */
final class WsProbe implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(3);

    sealed interface Event {
        record Text(String text, int parts) implements Event { }
        record Binary(byte[] bytes) implements Event { }
        record Pong(byte[] payload) implements Event { }
        record Closed(int code, String reason) implements Event { }
        record Failed(Throwable error) implements Event { }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private int parts;
    private WebSocket ws;

    static WsProbe connect(HttpClient client, URI uri) throws Exception {
        WsProbe probe = new WsProbe();
        probe.ws = client.newWebSocketBuilder().buildAsync(uri, probe).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    WebSocket socket() {
        return ws;
    }

    void send(String message) {
        ws.sendText(message, true).join();
    }

    /** Sends {@code message} as several frames, cut at the given offsets. */
    void sendFragmented(String message, int... cuts) {
        int at = 0;
        for (int cut : cuts) {
            ws.sendText(message.substring(at, cut), false).join();
            at = cut;
        }
        ws.sendText(message.substring(at), true).join();
    }

    /** The next event of type {@code type} matching {@code test}, skipping others; fails after {@link #WAIT}. */
    <E extends Event> E next(Class<E> type, Predicate<E> test) throws InterruptedException {
        E e = poll(type, test, WAIT);
        if (e == null) {
            throw new AssertionError("no " + type.getSimpleName() + " event matched within " + WAIT);
        }
        return e;
    }

    /** The next text containing {@code fragment}. */
    String nextText(String fragment) throws InterruptedException {
        return next(Event.Text.class, t -> t.text().contains(fragment)).text();
    }

    /** The next matching event within {@code wait}, or null. */
    <E extends Event> E poll(Class<E> type, Predicate<E> test, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                return null;
            }
            if (type.isInstance(e) && test.test(type.cast(e))) {
                return type.cast(e);
            }
        }
    }

    /** Every event received so far, removed from the queue. */
    List<Event> drain() {
        List<Event> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        parts++;
        if (last) {
            events.add(new Event.Text(text.toString(), parts));
            text.setLength(0);
            parts = 0;
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binary.writeBytes(bytes);
        if (last) {
            events.add(new Event.Binary(binary.toByteArray()));
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        events.add(new Event.Pong(bytes));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        events.add(new Event.Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        events.add(new Event.Failed(error));
    }

    @Override
    public void close() {
        if (ws != null) {
            ws.abort();
        }
    }

    /** A control pong or OKX's text {@code pong}. */
    static boolean isPong(Event e) {
        return e instanceof Event.Pong || e instanceof Event.Text t && t.text().equals("pong");
    }
}
