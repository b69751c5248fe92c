package okxstore.okx;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * One channel argument as OKX names it, {@code {"channel":"candle1m","instId":"BTC-USDT"}}: the key of
 * a subscription on the wire. Candle channels are {@code candle} + the bar's OKX name (API-NOTES §6.3).
 */
record WsArg(String channel, String instId) {

    private static final String CANDLE = "candle";
    private static final Map<String, Bar> BARS_BY_CHANNEL = new HashMap<>();

    static {
        for (Bar bar : Bar.values()) {
            BARS_BY_CHANNEL.put(CANDLE + bar.okxName(), bar);
        }
    }

    WsArg {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(instId, "instId");
    }

    static WsArg candle(InstrumentId id, Bar bar) {
        return new WsArg(CANDLE + bar.okxName(), id.value());
    }

    /** The bar of a candle channel, or null for any other channel. */
    Bar bar() {
        return BARS_BY_CHANNEL.get(channel);
    }

    /** {@code {"channel":"candle1m","instId":"BTC-USDT"}}. */
    void appendJson(StringBuilder sb) {
        sb.append("{\"channel\":");
        WsMessages.quote(sb, channel);
        sb.append(",\"instId\":");
        WsMessages.quote(sb, instId);
        sb.append('}');
    }

    @Override
    public String toString() {
        return instId + "/" + channel;
    }
}
