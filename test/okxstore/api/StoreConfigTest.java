package okxstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okxstore.StoreConfig;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/** The builder validates like the config file, with errors that name the key, the value and StoreConfig. */
class StoreConfigTest {
    @TempDir
    Path dir;

    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");

    @Test
    void anEmptyBuilderGivesTheBuiltInDefaults() {
        StoreConfig c = StoreConfig.builder().dataDir(dir).build();
        assertEquals(dir, c.dataDir());
        assertEquals(List.of("BTC-USDT", "ETH-USDT", "SOL-USDT"), c.instruments().stream().map(InstrumentId::value).toList());
        assertEquals(List.of(Bar.M1, Bar.H1, Bar.D1_UTC), c.bars(BTC));
        assertEquals("hybrid", c.get("realtime.mode"));
        assertEquals("https://www.okx.com", c.get("okx.rest.url"));
    }

    @Test
    void instrumentsReplaceTheDefaultsWithTheirBarsAndHistory() {
        StoreConfig c = StoreConfig.builder().dataDir(dir)
            .instrument(BTC, 7, Bar.M1, Bar.S1)
            .instrument("eth-usdt", 2, "1h", "1Dutc")
            .realtimeMode("polling").restUrl("http://127.0.0.1:1").wsBusinessUrl("ws://127.0.0.1:2/ws")
            .set("instrument.ETH-USDT.history.days.1H", "5")
            .set("ws.ping.seconds", "7")
            .build();
        assertEquals(List.of(BTC, InstrumentId.parse("ETH-USDT")), c.instruments());
        assertEquals(List.of(Bar.M1, Bar.S1), c.bars(BTC));
        assertEquals(List.of(Bar.H1, Bar.D1_UTC), c.bars(InstrumentId.parse("ETH-USDT")));
        assertEquals("7", c.get("instrument.BTC-USDT.history.days"));
        assertEquals("5", c.get("instrument.ETH-USDT.history.days.1h"));
        assertEquals("polling", c.get("realtime.mode"));
        assertEquals("http://127.0.0.1:1", c.get("okx.rest.url"));
        assertEquals("ws://127.0.0.1:2/ws", c.get("okx.ws.business.url"));
        assertEquals("7", c.get("ws.ping.seconds"));
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndStoreConfig() {
        String m = assertThrows(IllegalArgumentException.class,
            () -> StoreConfig.builder().dataDir(dir).realtimeMode("fast").build()).getMessage();
        assertEquals("bad value 'fast' for realtime.mode in StoreConfig: expected one of websocket, polling, hybrid", m);
        m = assertThrows(IllegalArgumentException.class,
            () -> StoreConfig.builder().dataDir(dir).instrument("BTC-USDT", 1, "2m").build()).getMessage();
        assertTrue(m.startsWith("bad value '2m' for instrument.BTC-USDT.timeframes in StoreConfig: unknown bar '2m'"), m);
        m = assertThrows(IllegalArgumentException.class,
            () -> StoreConfig.builder().dataDir(dir).set("instrument.BTC-USDT.history.days.7x", "3").build()).getMessage();
        assertTrue(m.startsWith("bad key 'instrument.BTC-USDT.history.days.7x' (value '3') in StoreConfig: unknown bar"), m);
    }

    @Test
    void anUnknownKeySuggestsTheNearestOne() {
        String m = assertThrows(IllegalArgumentException.class,
            () -> StoreConfig.builder().dataDir(dir).set("realtime.mod", "polling").build()).getMessage();
        assertEquals("unknown key 'realtime.mod' (value 'polling') in StoreConfig (did you mean realtime.mode?)", m);
        assertThrows(IllegalArgumentException.class, () -> StoreConfig.builder().dataDir(dir).build().get("no.such.key"));
    }

    @Test
    void aBadInstrumentIdIsRefusedBeforeItTouchesAPath() {
        assertThrows(IllegalArgumentException.class, () -> StoreConfig.builder().instrument("../x", 1, "1m"));
        String m = assertThrows(IllegalArgumentException.class,
            () -> StoreConfig.builder().dataDir(dir).set("instruments", "BTC-USDT,a;b").build()).getMessage();
        assertTrue(m.startsWith("bad value 'BTC-USDT,a;b' for instruments in StoreConfig"), m);
    }

    @Test
    void theDataDirectorysConfigFileIsReadBelowTheBuildersValues() throws Exception {
        Files.writeString(dir.resolve("okx-store.properties"), "instruments=XRP-USDT\nrealtime.mode=websocket\n");
        StoreConfig c = StoreConfig.builder().dataDir(dir).realtimeMode("polling").build();
        assertEquals(List.of(InstrumentId.parse("XRP-USDT")), c.instruments());
        assertEquals("polling", c.get("realtime.mode"));
        Files.writeString(dir.resolve("okx-store.properties"), "realtime.mode=sometimes\n");
        String m = assertThrows(IllegalArgumentException.class, () -> StoreConfig.builder().dataDir(dir).build()).getMessage();
        assertTrue(m.contains("realtime.mode") && m.contains("okx-store.properties"), m);
    }

    @Test
    void aNamedConfigFileAndTheEnvironmentApplyOnlyWhenGiven() throws Exception {
        Path file = Files.writeString(dir.resolve("other.properties"), "ws.ping.seconds=9\n");
        assertEquals("9", StoreConfig.builder().dataDir(dir).configFile(file).build().get("ws.ping.seconds"));
        assertThrows(IllegalArgumentException.class,
            () -> StoreConfig.builder().dataDir(dir).configFile(dir.resolve("missing.properties")).build());
        Map<String, String> env = Map.of("OKX_STORE_WS_PING_SECONDS", "11");
        assertEquals("11", StoreConfig.builder().dataDir(dir).environment(env).build().get("ws.ping.seconds"));
        assertEquals("20", StoreConfig.builder().dataDir(dir).build().get("ws.ping.seconds"));
    }
}
