package okxstore.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okxstore.candle.Bar;
import okxstore.fake.FakeMarket;
import okxstore.fake.TruthCheck;
import okxstore.fake.ws.FakeOkxWebSocket.Refusal;

/**
 * The daemon as users run it (a child JVM on the built jar) against the fake OKX on the real
 * clock, with 1-second bars so that many periods end within a test. Through every kind of socket
 * trouble it must end with every closed bar stored, confirmed and equal to the exchange's truth,
 * and still be running.
 */
class DaemonIntegrationTest {
    private static final String BTC = "BTC-USDT";
    private static final String ETH = "ETH-USDT";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @BeforeEach
    void needsJar() {
        Assumptions.assumeTrue(DaemonProcess.jar() != null && Files.exists(Path.of(DaemonProcess.jar())),
            "needs the built jar (-Dokxstore.jar)");
    }

    private Path config(FakeMarket market) throws Exception {
        return market.writeConfig(dir.resolve("okx.properties"), "instruments=" + BTC + "," + ETH,
            "instrument." + BTC + ".timeframes=1s,1m", "instrument." + ETH + ".timeframes=1s",
            "instrument." + BTC + ".history.days=0", "instrument." + ETH + ".history.days=0",
            "instrument." + BTC + ".history.days.1m=1");
    }

    /** Waits until the next second has closed and its grace passed, then checks every closed bar since {@code from}. */
    private static void assertComplete(FakeMarket market, Path data, long from, long until) {
        TruthCheck.assertEqualsTruth(market.rest().truth(), data, BTC, Bar.S1, from, until);
        TruthCheck.assertEqualsTruth(market.rest().truth(), data, ETH, Bar.S1, from, until);
    }

    private static long firstStored(Path data, String id) {
        return TruthCheck.stored(data, okxstore.candle.InstrumentId.parse(id), Bar.S1).getFirst().ts();
    }

    @Test
    void streamsThroughDropStallSilenceNoticeAndGarbageWithoutLosingABar() throws Exception {
        Path data = dir.resolve("data");
        try (FakeMarket market = FakeMarket.realTime(30, Duration.ofMillis(200), BTC, ETH);
             DaemonProcess daemon = DaemonProcess.start(config(market), data)) {
            daemon.awaitStatus("all series live", DaemonProcess::allLive, WAIT);
            long from = Math.max(firstStored(data, BTC), firstStored(data, ETH));
            Thread.sleep(2_000);

            market.ws().commands().dropAll();
            daemon.awaitStatus("a reconnect", s -> DaemonProcess.number(s, "reconnects") >= 1, WAIT);
            daemon.awaitStatus("live after the drop", DaemonProcess::allLive, WAIT);

            market.ws().commands().stall();
            Thread.sleep(3_000);
            market.ws().commands().release();
            daemon.awaitStatus("live after the stall", DaemonProcess::allLive, WAIT);

            market.ws().commands().silent();
            daemon.awaitStatus("fallback to polling while silent", s -> DaemonProcess.number(s, "fallbacks") >= 1, WAIT);
            market.ws().commands().release();
            daemon.awaitStatus("live after the silence", DaemonProcess::allLive, WAIT);

            market.ws().commands().notice64008();
            market.ws().commands().sendGarbage();
            market.ws().commands().fragmentAll(3);
            Thread.sleep(2_000);
            daemon.awaitStatus("live after notice and garbage", DaemonProcess::allLive, WAIT);
            assertTrue(daemon.alive());

            long until = Bar.S1.openTime(System.currentTimeMillis() - 3_000);
            Thread.sleep(3_000);
            assertEquals(0, daemon.stop(), daemon.stderrText());
            assertComplete(market, data, from, until);
            long minute = Bar.M1.openTime(System.currentTimeMillis()) - 60_000;
            TruthCheck.assertEqualsTruth(market.rest().truth(), data, BTC, Bar.M1, minute - 3_600_000, minute);
        }
    }

    @Test
    void aRefusedSocketFallsBackToPollingAndComesBack() throws Exception {
        Path data = dir.resolve("data");
        try (FakeMarket market = FakeMarket.realTime(30, Duration.ofMillis(200), BTC, ETH);
             DaemonProcess daemon = DaemonProcess.start(config(market), data)) {
            daemon.awaitStatus("all series live", DaemonProcess::allLive, WAIT);
            long from = Math.max(firstStored(data, BTC), firstStored(data, ETH));
            market.ws().commands().refuse(Refusal.HTTP_503, Duration.ofSeconds(6));
            market.ws().commands().dropAll();
            daemon.awaitStatus("polling while refused", s -> DaemonProcess.number(s, "polling") >= 3, WAIT);
            daemon.awaitStatus("back on the socket", DaemonProcess::allLive, WAIT);
            Map<String, Object> s = daemon.status();
            assertTrue(DaemonProcess.number(s, "fallbacks") >= 3, s.toString());
            long until = Bar.S1.openTime(System.currentTimeMillis() - 3_000);
            Thread.sleep(3_000);
            assertEquals(0, daemon.stop(), daemon.stderrText());
            assertComplete(market, data, from, until);
        }
    }

    @Test
    void aDaemonKilledWithSigkillAndRestartedRepairsWhatItMissed() throws Exception {
        Path data = dir.resolve("data");
        try (FakeMarket market = FakeMarket.realTime(30, Duration.ofMillis(200), BTC, ETH)) {
            Path config = config(market);
            long from;
            try (DaemonProcess daemon = DaemonProcess.start(config, data)) {
                daemon.awaitStatus("all series live", DaemonProcess::allLive, WAIT);
                from = Math.max(firstStored(data, BTC), firstStored(data, ETH));
                Thread.sleep(1_500);
                daemon.kill();
            }
            Thread.sleep(3_000);
            try (DaemonProcess daemon = DaemonProcess.start(config, data, "--no-sync-on-start")) {
                daemon.awaitStatus("live again", DaemonProcess::allLive, WAIT);
                long until = Bar.S1.openTime(System.currentTimeMillis() - 3_000);
                Thread.sleep(3_000);
                assertEquals(0, daemon.stop(), daemon.stderrText());
                assertComplete(market, data, from, until);
            }
        }
    }

    @Test
    void aSecondDaemonOnTheSameDirectorySaysWhoHoldsIt() throws Exception {
        Path data = dir.resolve("data");
        try (FakeMarket market = FakeMarket.realTime(30, Duration.ofMillis(200), BTC, ETH);
             DaemonProcess daemon = DaemonProcess.start(config(market), data)) {
            daemon.awaitStatus("running", s -> !s.isEmpty(), WAIT);
            try (DaemonProcess second = DaemonProcess.start(config(market), data)) {
                int code = second.awaitExit();
                assertEquals(1, code);
                String err = second.stderrText();
                assertTrue(err.contains("is in use by okx-store daemon (pid "), err);
            }
        }
    }

    @Test
    void statusInAnotherShellShowsLiveDataUnderASecondOld() throws Exception {
        Path data = dir.resolve("data");
        try (FakeMarket market = FakeMarket.realTime(30, Duration.ofMillis(200), BTC, ETH);
             DaemonProcess daemon = DaemonProcess.start(config(market), data)) {
            daemon.awaitStatus("all series live", DaemonProcess::allLive, WAIT);
            String[] status = cli(dir.resolve("okx.properties"), data, "status", "--json");
            assertEquals("0", status[0], status[2]);
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = (Map<String, Object>) okxstore.json.Json.parse(status[1]);
            assertEquals(Boolean.TRUE, ((Map<?, ?>) doc.get("daemon")).get("running"));
            for (Object o : (java.util.List<?>) doc.get("series")) {
                Map<?, ?> m = (Map<?, ?>) o;
                if ("1s".equals(m.get("bar"))) {
                    long age = ((Number) m.get("age_ms")).longValue();
                    assertTrue(age < 1_000, "newest 1s update is " + age + " ms old: " + m);
                }
            }
            String[] ws = cli(dir.resolve("okx.properties"), data, "websocket", "status");
            assertEquals("0", ws[0], ws[2]);
            assertTrue(ws[1].startsWith("daemon: running (pid "), ws[1]);
            assertEquals(0, daemon.stop(), daemon.stderrText());
        }
    }

    /** Runs a command in-process as another shell would: {exit code, stdout, stderr}. */
    private static String[] cli(Path config, Path data, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--config";
        all[1] = config.toString();
        all[2] = "--data-dir";
        all[3] = data.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = okxstore.cli.Main.run(all, new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of());
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static boolean hasSeries(Map<String, Object> s, String id) {
        return s.get("series") instanceof java.util.List<?> list
            && list.stream().anyMatch(o -> o instanceof Map<?, ?> m && id.equals(m.get("instrument")));
    }

    @Test
    void addAndRemoveSymbolTakeEffectInARunningDaemon() throws Exception {
        Path data = dir.resolve("data");
        try (FakeMarket market = FakeMarket.realTime(30, Duration.ofMillis(200), BTC, ETH)) {
            Path config = market.writeConfig(dir.resolve("okx.properties"), "instruments=" + BTC,
                "instrument." + BTC + ".timeframes=1s", "instrument." + BTC + ".history.days=0",
                "instrument." + ETH + ".history.days=0");
            try (DaemonProcess daemon = DaemonProcess.start(config, data)) {
                daemon.awaitStatus("BTC live", DaemonProcess::allLive, WAIT);
                assertEquals("0", cli(config, data, "add-symbol", ETH, "--timeframes", "1s")[0]);
                daemon.awaitStatus("ETH added and live", s -> hasSeries(s, ETH) && DaemonProcess.allLive(s), WAIT);
                long from = Bar.S1.openTime(System.currentTimeMillis()) + 2_000;
                assertEquals("0", cli(config, data, "remove-symbol", BTC)[0]);
                daemon.awaitStatus("BTC removed", s -> !hasSeries(s, BTC) && hasSeries(s, ETH), WAIT);
                Thread.sleep(3_000);
                long until = Bar.S1.openTime(System.currentTimeMillis() - 1_500);
                assertEquals(0, daemon.stop(), daemon.stderrText());
                TruthCheck.assertEqualsTruth(market.rest().truth(), data, ETH, Bar.S1, from, until);
            }
        }
    }
}
