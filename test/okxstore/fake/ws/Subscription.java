package okxstore.fake.ws;

import java.util.Objects;
import okxstore.candle.Bar;

/** One channel subscription as a client named it, e.g. {@code candle1m} on {@code BTC-USDT}. */
public record Subscription(String channel, String instId) {

    private static final String CANDLE = "candle";

    public Subscription {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(instId, "instId");
    }

    /** The bar of a {@code candle<bar>} channel in OKX's exact spelling, or null for any other channel. */
    public Bar candleBar() {
        if (!channel.startsWith(CANDLE)) {
            return null;
        }
        String name = channel.substring(CANDLE.length());
        for (Bar bar : Bar.values()) {
            if (bar.okxName().equals(name)) {
                return bar;
            }
        }
        return null;
    }

    /** The {@code arg} object of acks and pushes. */
    String argJson() {
        return "{\"channel\":" + WsJson.quote(channel) + ",\"instId\":" + WsJson.quote(instId) + "}";
    }
}
