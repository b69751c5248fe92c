package okxstore.sync;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;

import okxstore.candle.Exchange;
import okxstore.candle.LiveFeed;
import okxstore.config.Endpoints;
import okxstore.config.Settings;
import okxstore.okx.OkxLiveFeed;
import okxstore.okx.OkxRest;
import okxstore.okx.RestSettings;
import okxstore.okx.WsSettings;

/** Builds OKX's REST client and live feed from the configuration: the one place config keys meet the okx package. */
public final class OkxWiring {
    private OkxWiring() {
    }

    public static RestSettings restSettings(Settings s) {
        Endpoints e = s.endpoints();
        return RestSettings.defaults()
            .withBaseUrl(URI.create(e.restUrl()))
            .withDemo(e.demo(), e.proxy())
            .withRetries(s.seconds("rest.timeout.seconds"), s.integer("rest.max.retries"),
                s.millis("rest.backoff.base.ms"), s.millis("rest.backoff.max.ms"))
            .withRates(s.decimal("rest.rate.margin"), Duration.ofSeconds(2), s.millis("rest.rate.guard.ms"),
                s.integer("rest.limit.candles"),
                s.integer("rest.limit.history.candles"), s.integer("rest.limit.instruments"), s.integer("rest.limit.time"));
    }

    public static Exchange rest(Settings s) {
        return new OkxRest(restSettings(s));
    }

    public static WsSettings wsSettings(Settings s) {
        Endpoints e = s.endpoints();
        return WsSettings.defaults()
            .withUrl(URI.create(e.wsBusinessUrl()))
            .withProxy(e.proxy())
            .withKeepalive(s.seconds("ws.ping.seconds"), s.seconds("ws.pong.timeout.seconds"),
                s.seconds("ws.stale.seconds"))
            .withReconnect(s.millis("ws.reconnect.min.ms"), s.millis("ws.reconnect.max.ms"),
                s.integer("ws.connects.per.second"))
            .withMaxSubscriptionsPerConnection(s.integer("ws.max.subscriptions.per.connection"))
            .withRefusedCooldown(s.seconds("ws.retry.cooldown.seconds"))
            .withTimeouts(s.seconds("ws.ack.timeout.seconds"), s.seconds("ws.handover.timeout.seconds"),
                s.seconds("ws.connect.timeout.seconds"), s.millis("ws.close.grace.ms"));
    }

    public static LiveFeed live(Settings s, LiveFeed.Listener listener, InstantSource clock) {
        return new OkxLiveFeed(wsSettings(s), listener, clock);
    }
}
