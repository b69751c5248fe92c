package okxstore.fake;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the fake OKX by hand, for trying the jar as a user would:
 * {@code java -cp build/test-classes:okx-store.jar okxstore.fake.FakeMarketMain CONFIG-FILE [ID...]}
 * writes a config file pointing at it (REST and WebSocket on loopback) and serves until killed.
 */
public final class FakeMarketMain {
    private FakeMarketMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: FakeMarketMain CONFIG-FILE [ID...]");
        }
        String[] ids = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
            : new String[] {"BTC-USDT", "ETH-USDT", "SOL-USDT"};
        try (FakeMarket market = FakeMarket.realTime(400, Duration.ofSeconds(1), ids)) {
            Path config = market.writeConfig(Path.of(args[0]), "instruments=" + String.join(",", ids));
            System.err.println("fake OKX at " + market.rest().baseUrl() + " and " + market.ws().businessUri()
                + "; config written to " + config.toAbsolutePath());
            Thread.currentThread().join();
        }
    }
}
