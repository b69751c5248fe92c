package okxstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okxstore.fake.FakeOkx;
import okxstore.cli.MainTest.Run;

/** The REST commands as a user runs them, against the fake OKX whose URL is set in a config file. */
class CliSyncIntegrationTest {
    @TempDir
    Path dir;

    private FakeOkx fake;
    private Path config;

    @BeforeEach
    void start() throws IOException {
        long listed = System.currentTimeMillis() - Duration.ofDays(100).toMillis();
        fake = FakeOkx.builder().rateLimits(false).instrument("BTC-USDT", listed).instrument("ETH-USDT", listed).build();
        config = dir.resolve("okx.properties");
        Files.write(config, List.of("okx.rest.url=" + fake.baseUrl(), "instruments=BTC-USDT",
            "instrument.BTC-USDT.history.days=1", "rest.backoff.base.ms=5", "rest.backoff.max.ms=50",
            "rest.limit.candles=1000", "rest.limit.history.candles=1000"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Run run(String... args) {
        return MainTest.runWith(config, dir.resolve("data"), args);
    }

    @Test
    void syncThenQueryShowsTheFiveNewestBars() {
        Run sync = run("sync", "BTC-USDT");
        assertEquals(0, sync.code(), sync.err());
        assertEquals("", sync.out());
        Run q = run("query", "BTC-USDT", "1m", "--count", "5", "--time", "ms");
        assertEquals(0, q.code(), q.err());
        List<String> lines = q.out().lines().toList();
        assertEquals("ts,open,high,low,close,vol,vol_ccy,vol_ccy_quote,confirmed", lines.get(0));
        assertEquals(6, lines.size());
        long newest = Long.parseLong(lines.get(5).split(",")[0]);
        assertEquals(okxstore.candle.Bar.M1.openTime(System.currentTimeMillis()), newest, 60_000);
        String[] truth = fake.truth().row("BTC-USDT", okxstore.candle.Bar.M1, Long.parseLong(lines.get(4).split(",")[0]));
        assertEquals(Double.parseDouble(truth[4]), Double.parseDouble(lines.get(4).split(",")[4]));
    }

    @Test
    void anUnknownInstrumentIsOneLineAndExitOne() {
        Run r = run("sync", "FOO-BAR");
        assertEquals(new Run(1, "", "okx-store: instrument FOO-BAR does not exist on OKX" + System.lineSeparator()), r);
        Run add = run("add-symbol", "FOO-BAR");
        assertEquals(new Run(1, "", "okx-store: instrument FOO-BAR does not exist on OKX" + System.lineSeparator()), add);
    }

    @Test
    void addSymbolPersistsTheIdAndRemoveSymbolTakesItOut() throws IOException {
        Run add = run("add-symbol", "eth-usdt", "--timeframes", "5m,1h");
        assertEquals(0, add.code(), add.err());
        String text = Files.readString(config);
        assertTrue(text.contains("instruments=BTC-USDT,ETH-USDT"), text);
        assertTrue(text.contains("instrument.ETH-USDT.timeframes=5m,1H"), text);
        assertTrue(text.contains("okx.rest.url="), "other keys kept: " + text);
        Run list = run("list");
        assertTrue(list.out().contains("ETH-USDT\t5m,1H\thybrid"), list.out());
        Run rm = run("remove-symbol", "ETH-USDT");
        assertEquals(0, rm.code(), rm.err());
        assertTrue(Files.readString(config).contains("instruments=BTC-USDT\n"));
        assertTrue(!Files.readString(config).contains("ETH-USDT"));
    }

    @Test
    void gapsAreListedAndFilled() throws Exception {
        assertEquals(0, run("sync", "BTC-USDT").code());
        Path db = dir.resolve("data/BTC-USDT.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM candles_1m WHERE ts IN (SELECT ts FROM candles_1m ORDER BY ts LIMIT 10 OFFSET 100)");
        }
        Run gaps = run("gaps", "BTC-USDT", "1m");
        assertEquals(1, gaps.code());
        assertTrue(gaps.out().endsWith("\t10\tmissing" + System.lineSeparator()), gaps.out());
        Run fill = run("gaps", "BTC-USDT", "1m", "--fill");
        assertEquals(new Run(0, "", ""), fill);
    }

    @Test
    void queryPipedIntoHeadPrintsTheHeaderAndEndsQuietly() throws Exception {
        String jar = System.getProperty("okxstore.jar");
        org.junit.jupiter.api.Assumptions.assumeTrue(jar != null && Files.exists(Path.of(jar)), "needs the built jar");
        assertEquals(0, run("sync", "BTC-USDT").code());
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder("bash", "-c", "set -o pipefail; '" + java + "' -jar '" + jar + "' --config '"
            + config + "' --data-dir '" + dir.resolve("data") + "' query BTC-USDT 1m --from 2000-01-01 --format csv | head -1")
            .redirectErrorStream(false).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("ts,open,high,low,close,vol,vol_ccy,vol_ccy_quote,confirmed\n", out);
        assertEquals("", err);
        assertEquals(0, p.exitValue());
    }
}
