package okxstore.fake.ws;

import java.time.Duration;
import java.util.Objects;

/**
 * Commands that make the fake misbehave, usable while clients are connected. Server-wide
 * switches (stall, silent, refuse) hold for present and new connections until {@link #release()};
 * {@link WsConnection} has the same switches for one connection. Thread-safe.
 */
public final class FakeWsCommands {

    private final FakeOkxWebSocket server;
    private volatile boolean stalled;
    private volatile boolean silent;
    private volatile FakeOkxWebSocket.Refusal refusal;
    private volatile boolean refuseUntilReleased;
    private volatile long refuseUntilNanos;
    private volatile int fragmentAll = 1;

    FakeWsCommands(FakeOkxWebSocket server) {
        this.server = server;
    }

    /** Closes every socket without a close frame (an abnormal 1006 for the clients). */
    public void dropAll() {
        server.connections().forEach(WsConnection::drop);
    }

    /** Starts the close handshake on every connection. */
    public void closeAll(int code, String reason) {
        server.connections().forEach(c -> c.close(code, reason));
    }

    /** Turns every new connection away until {@link #release()}. */
    public void refuse(FakeOkxWebSocket.Refusal how) {
        refuseUntilReleased = true;
        refusal = Objects.requireNonNull(how, "how");
    }

    /** Turns new connections away for {@code period} of real time (or until {@link #release()}). */
    public void refuse(FakeOkxWebSocket.Refusal how, Duration period) {
        refuseUntilNanos = System.nanoTime() + period.toNanos();
        refuseUntilReleased = false;
        refusal = Objects.requireNonNull(how, "how");
    }

    /** Every connection, present and new, stays open but sends nothing: no push, no pong, no close frame. */
    public void stall() {
        stalled = true;
    }

    /** Candle pushes stop on every connection, present and new; pings are still answered (API-NOTES §7b). */
    public void silent() {
        silent = true;
    }

    /** Ends refuse, stall and silent, server-wide and on every connection. */
    public void release() {
        refusal = null;
        stalled = false;
        silent = false;
        server.connections().forEach(WsConnection::release);
    }

    /** Sends the 64008 service-upgrade notice to every connection, then closes each after the configured delay. */
    public void notice64008() {
        long closeAt = System.nanoTime() + server.settings().noticeCloseDelay().toNanos();
        for (WsConnection c : server.connections()) {
            c.sendText(OkxWsProtocol.notice64008(c));
            c.scheduleClose(closeAt);
        }
    }

    /**
     * Sends malformed traffic to every connection: the text "{not json", an unknown event, a candle
     * push with 8 fields (on the connection's first subscription, else candle1m BTC-USDT) and a
     * binary frame.
     */
    public void sendGarbage() {
        for (WsConnection c : server.connections()) {
            Subscription sub = c.subscriptions().stream().findFirst()
                .orElse(new Subscription("candle1m", "BTC-USDT"));
            c.sendText("{not json");
            c.sendText("{\"event\":\"weird\"}");
            c.sendText(OkxWsProtocol.push(sub, new String[] {"1789470120000", "77082.7", "77116.6", "77082.6",
                "77116.6", "1.57843610", "121697.290334104", "0"}));
            c.sendBinary(new byte[] {(byte) 0x80, 0x00, 0x7F, 0x01});
        }
    }

    /** Sends {@code text} as is to every connection. */
    public void sendToAll(String text) {
        server.connections().forEach(c -> c.sendText(text));
    }

    /** Splits the next message to each present connection into {@code frames} frames. */
    public void fragmentNext(int frames) {
        server.connections().forEach(c -> c.fragmentNext(frames));
    }

    /** Splits every message from now on into {@code frames} frames; 1 turns it off. */
    public void fragmentAll(int frames) {
        fragmentAll = Math.max(1, frames);
    }

    boolean isStalled() {
        return stalled;
    }

    boolean isSilent() {
        return silent;
    }

    int fragmentAll() {
        return fragmentAll;
    }

    /** The refusal in force now, or null. */
    FakeOkxWebSocket.Refusal refusal() {
        FakeOkxWebSocket.Refusal how = refusal;
        return how != null && (refuseUntilReleased || System.nanoTime() - refuseUntilNanos < 0) ? how : null;
    }
}
