package okxstore.okx;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A {@link WebSocket} that sends nothing anywhere: it records what the feed sends, requests and aborts. Thread-safe. */
final class WsScriptedWebSocket implements WebSocket {

    private final List<String> sent = new ArrayList<>();
    private long requested;
    private boolean aborted;
    private int closeCode = -1;

    @Override
    public synchronized CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
        sent.add(data.toString());
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public synchronized CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
        closeCode = statusCode;
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public synchronized void request(long n) {
        requested += n;
    }

    @Override
    public String getSubprotocol() {
        return "";
    }

    @Override
    public synchronized boolean isOutputClosed() {
        return closeCode >= 0 || aborted;
    }

    @Override
    public synchronized boolean isInputClosed() {
        return aborted;
    }

    @Override
    public synchronized void abort() {
        aborted = true;
    }

    synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    /** Sent texts containing {@code fragment}. */
    synchronized List<String> sent(String fragment) {
        return sent.stream().filter(s -> s.contains(fragment)).toList();
    }

    synchronized long requested() {
        return requested;
    }

    synchronized boolean aborted() {
        return aborted;
    }

    /** The close code sent, or -1. */
    synchronized int closeCode() {
        return closeCode;
    }
}
