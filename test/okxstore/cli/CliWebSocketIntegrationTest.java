package okxstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okxstore.cli.MainTest.Run;
import okxstore.fake.FakeMarket;

/** {@code websocket test|config|status} against the fake OKX. */
class CliWebSocketIntegrationTest {
    @TempDir
    Path dir;

    private Run run(Path config, String... args) {
        return MainTest.runWith(config, dir.resolve("data"), args);
    }

    @Test
    void websocketTestReportsTheFirstPushAndConfigEditsTheFile() throws Exception {
        try (FakeMarket market = FakeMarket.realTime(10, Duration.ofMillis(100), "BTC-USDT")) {
            Path config = market.writeConfig(dir.resolve("okx.properties"), "instruments=BTC-USDT");
            Run t = run(config, "websocket", "test", "--timeout", "10");
            assertEquals(0, t.code(), t.err());
            assertTrue(t.out().startsWith("ok: first push for candle1m BTC-USDT after "), t.out());

            Run unknown = run(config, "websocket", "test", "--timeout", "5", "NOPE-USDT");
            assertEquals(1, unknown.code());
            assertTrue(unknown.err().startsWith("okx-store: subscription to candle1m NOPE-USDT refused: "), unknown.err());

            Run c = run(config, "websocket", "config", "--set-mode", "polling");
            assertEquals(0, c.code(), c.err());
            assertTrue(Files.readString(config).contains("realtime.mode=polling"));
            assertTrue(c.out().contains("realtime.mode=polling\t# " + config), c.out());

            Run s = run(config, "websocket", "status");
            assertEquals(new Run(1, "daemon: not running" + System.lineSeparator(), ""), s);
        }
    }
}
