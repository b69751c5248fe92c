package okxstore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/** The typed settings: which file and data directory are used, built-in defaults, and each instrument's resolved settings. */
class SettingsTest {
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");

    @TempDir
    Path dir;

    private Settings inDataDir(String properties, Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve(Settings.FILE_NAME), properties);
        return Settings.resolve(null, dir, env, Map.of());
    }

    @Test
    void withoutAnyConfigFile_theBuiltInDefaultsWork() {
        Settings s = Settings.resolve(null, dir, Map.of(), Map.of());
        assertEquals(dir, s.dataDir());
        assertEquals(dir.resolve("okx-store.properties"), s.configFile());
        assertEquals(List.of("BTC-USDT", "ETH-USDT", "SOL-USDT"),
            s.instruments().stream().map(i -> i.id().value()).toList());
        for (InstrumentSettings i : s.instruments()) {
            assertEquals(List.of(Bar.M1, Bar.H1, Bar.D1_UTC), i.bars());
            assertEquals(30, i.historyDays(Bar.M1));
            assertEquals(30, i.historyDays(Bar.D1_UTC));
            assertEquals("hybrid", i.mode());
            assertEquals(60, i.syncIntervalSeconds());
            assertTrue(i.enabled());
        }
        assertEquals(Level.INFO, s.logLevel());
        assertEquals(dir.resolve("okx-store.log"), s.logFile());
        assertEquals(10, s.integer("rest.timeout.seconds"));
        assertEquals(0.95, s.decimal("rest.rate.margin"));
        assertTrue(s.bool("ws.enabled"));
        assertEquals(java.time.Duration.ofSeconds(20), s.seconds("ws.ping.seconds"));
        assertEquals(java.time.Duration.ofMillis(500), s.millis("rest.backoff.base.ms"));
    }

    @Test
    void defaultDataDir_isInTheHomeDirectory() {
        assertEquals("~/.okx-store", Config.defaults(Map.of()).get(Keys.DATA_DIR));
        assertEquals(Path.of(System.getProperty("user.home"), ".okx-store"), Settings.expandHome("~/.okx-store", Map.of()));
        // $HOME wins over the JVM's user.home, as shells expand ~
        assertEquals(Path.of("/home/someone/.okx-store"), Settings.expandHome("~/.okx-store", Map.of("HOME", "/home/someone")));
        assertEquals(Path.of("/srv/okx"), Settings.expandHome("/srv/okx", Map.of()));
    }

    @Test
    void configLookup_flagFirst() throws IOException {
        Path flagged = Files.writeString(dir.resolve("flag.properties"), "realtime.mode=polling\n");
        Path fromEnv = Files.writeString(dir.resolve("env.properties"), "realtime.mode=websocket\n");
        Files.writeString(dir.resolve(Settings.FILE_NAME), "realtime.mode=hybrid\n");
        Settings s = Settings.resolve(flagged, dir, Map.of("OKX_STORE_CONFIG", fromEnv.toString()), Map.of());
        assertEquals(flagged, s.configFile());
        assertEquals("polling", s.get(Keys.REALTIME_MODE));
    }

    @Test
    void configLookup_thenOkxStoreConfig_thenTheDataDirsFile() throws IOException {
        Path fromEnv = Files.writeString(dir.resolve("env.properties"), "realtime.mode=websocket\n");
        Files.writeString(dir.resolve(Settings.FILE_NAME), "realtime.mode=polling\n");
        Settings s = Settings.resolve(null, dir, Map.of("OKX_STORE_CONFIG", fromEnv.toString()), Map.of());
        assertEquals(fromEnv, s.configFile());
        assertEquals("websocket", s.get(Keys.REALTIME_MODE));
        Settings inDir = Settings.resolve(null, dir, Map.of(), Map.of());
        assertEquals(dir.resolve(Settings.FILE_NAME), inDir.configFile());
        assertEquals("polling", inDir.get(Keys.REALTIME_MODE));
    }

    @Test
    void missingNamedConfig_isAnError_namingWhereTheNameCameFrom() {
        Path none = dir.resolve("none.properties");
        assertEquals("config file " + none + " does not exist", assertThrows(ConfigException.class,
            () -> Settings.resolve(none, dir, Map.of(), Map.of())).getMessage());
        assertEquals("config file " + none + " named by OKX_STORE_CONFIG does not exist", assertThrows(ConfigException.class,
            () -> Settings.resolve(null, dir, Map.of("OKX_STORE_CONFIG", none.toString()), Map.of())).getMessage());
    }

    @Test
    void dataDir_flagOverHomeOverDataDirVariableOverFile() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        Path cfg = Files.writeString(dir.resolve("cfg.properties"), "data.dir=" + c + "\n");
        assertEquals(c, Settings.resolve(cfg, null, Map.of(), Map.of()).dataDir());
        assertEquals(b, Settings.resolve(cfg, null, Map.of("OKX_STORE_DATA_DIR", b.toString()), Map.of()).dataDir());
        assertEquals(b, Settings.resolve(cfg, null, Map.of("OKX_STORE_HOME", b.toString()), Map.of()).dataDir());
        assertEquals(a, Settings.resolve(cfg, a, Map.of("OKX_STORE_HOME", b.toString()), Map.of()).dataDir());
    }

    @Test
    void okxStoreHome_findsTheConfigFileInThatDirectory() throws IOException {
        Files.writeString(dir.resolve(Settings.FILE_NAME), "instruments=XRP-USDT\n");
        Settings s = Settings.resolve(null, null, Map.of("OKX_STORE_HOME", dir.toString()), Map.of());
        assertEquals(dir, s.dataDir());
        assertEquals(List.of(InstrumentId.parse("XRP-USDT")), s.instruments().stream().map(InstrumentSettings::id).toList());
    }

    @Test
    void instruments_areUpperCasedAndDeduplicated() throws IOException {
        Settings s = inDataDir("instruments= btc-usdt , ETH-USDT,BTC-USDT\n", Map.of());
        assertEquals(List.of("BTC-USDT", "ETH-USDT"), s.instruments().stream().map(i -> i.id().value()).toList());
        assertEquals(List.of(), inDataDir("instruments=\n", Map.of()).instruments());
    }

    @Test
    void instrumentKeys_overrideTheDefaults() throws IOException {
        Settings s = inDataDir("""
            instruments=BTC-USDT,ETH-USDT
            instrument.BTC-USDT.timeframes=1m, 4h ,1dutc,1M,1m
            instrument.BTC-USDT.history.days=90
            instrument.BTC-USDT.history.days.1m=7
            instrument.BTC-USDT.history.days.1Dutc=365
            instrument.BTC-USDT.history.days.1mo=3650
            instrument.BTC-USDT.sync.interval.seconds=15
            instrument.ETH-USDT.enabled=false
            instrument.ETH-USDT.history.days.1H=
            """, Map.of());
        InstrumentSettings btc = s.instrument(BTC).orElseThrow();
        assertEquals(List.of(Bar.M1, Bar.H4, Bar.D1_UTC, Bar.MO1), btc.bars());
        assertEquals(7, btc.historyDays(Bar.M1));
        assertEquals(90, btc.historyDays(Bar.H4));
        assertEquals(365, btc.historyDays(Bar.D1_UTC));
        assertEquals(3650, btc.historyDays(Bar.MO1));
        assertEquals(15, btc.syncIntervalSeconds());
        assertTrue(btc.enabled());
        InstrumentSettings eth = s.instrument(InstrumentId.parse("ETH-USDT")).orElseThrow();
        assertFalse(eth.enabled());
        assertEquals(30, eth.historyDays(Bar.H1));
    }

    @Test
    void historyDaysPerBar_fromTheEnvironment_minuteAndMonthDoNotCollide() throws IOException {
        Settings s = inDataDir("instruments=BTC-USDT\ninstrument.BTC-USDT.timeframes=1m,1M\n",
            Map.of("OKX_STORE_INSTRUMENT_BTC_USDT_HISTORY_DAYS_1M", "7",
                "OKX_STORE_INSTRUMENT_BTC_USDT_HISTORY_DAYS_1MO", "700"));
        InstrumentSettings btc = s.instrument(BTC).orElseThrow();
        assertEquals(7, btc.historyDays(Bar.M1));
        assertEquals(700, btc.historyDays(Bar.MO1));
    }

    @Test
    void badPerInstrumentValueFromTheEnvironment_namesTheVariable() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> inDataDir("instruments=BTC-USDT\n",
            Map.of("OKX_STORE_INSTRUMENT_BTC_USDT_REALTIME", "fast")));
        assertEquals("bad value 'fast' for instrument.BTC-USDT.realtime in environment variable"
            + " OKX_STORE_INSTRUMENT_BTC_USDT_REALTIME: expected one of websocket, polling, auto", e.getMessage());
        e = assertThrows(ConfigException.class, () -> inDataDir("instruments=BTC-USDT\n",
            Map.of("OKX_STORE_INSTRUMENT_BTC_USDT_TIMEFRAMES", "1m,2m")));
        assertTrue(e.getMessage().startsWith("bad value '1m,2m' for instrument.BTC-USDT.timeframes in environment variable"
            + " OKX_STORE_INSTRUMENT_BTC_USDT_TIMEFRAMES: unknown bar '2m' (valid: "), e.getMessage());
    }

    @Test
    void realtimeAuto_followsRealtimeMode() throws IOException {
        Settings s = inDataDir("""
            instruments=BTC-USDT,ETH-USDT,SOL-USDT
            realtime.mode=websocket
            instrument.ETH-USDT.realtime=polling
            instrument.SOL-USDT.realtime=auto
            """, Map.of());
        assertEquals(List.of("websocket", "polling", "websocket"), s.instruments().stream().map(InstrumentSettings::mode).toList());
        Settings env = inDataDir("instruments=BTC-USDT\n", Map.of("OKX_STORE_REALTIME_MODE", "polling"));
        assertEquals("polling", env.instrument(BTC).orElseThrow().mode());
    }

    @Test
    void wsDisabled_everyInstrumentPolls() throws IOException {
        Settings s = inDataDir("""
            instruments=BTC-USDT,ETH-USDT
            ws.enabled=false
            realtime.mode=websocket
            instrument.ETH-USDT.realtime=websocket
            """, Map.of());
        assertEquals(List.of("polling", "polling"), s.instruments().stream().map(InstrumentSettings::mode).toList());
        assertEquals("polling", s.instrumentOrDefaults(InstrumentId.parse("XRP-USDT")).mode());
    }

    @Test
    void instrumentOrDefaults_forAnUnlistedInstrument_usesItsOwnKeys() throws IOException {
        Settings s = inDataDir("instruments=BTC-USDT\ninstrument.XRP-USDT.timeframes=5m\n", Map.of());
        InstrumentSettings xrp = s.instrumentOrDefaults(InstrumentId.parse("xrp-usdt"));
        assertEquals(List.of(Bar.M5), xrp.bars());
        assertEquals("hybrid", xrp.mode());
        assertTrue(s.instrument(InstrumentId.parse("XRP-USDT")).isEmpty());
    }

    @Test
    void logLevel_acceptsCommonAliases() throws IOException {
        assertEquals(Level.FINE, inDataDir("log.level=debug\n", Map.of()).logLevel());
        assertEquals(Level.WARNING, inDataDir("log.level=WARN\n", Map.of()).logLevel());
        assertEquals(Level.SEVERE, inDataDir("log.level=error\n", Map.of()).logLevel());
        assertEquals(Level.FINER, inDataDir("log.level=FINER\n", Map.of()).logLevel());
        assertEquals(Level.SEVERE, Settings.resolve(null, dir, Map.of(), Map.of("log.level", "SEVERE")).logLevel());
    }

    @Test
    void logFile_canBeSet() throws IOException {
        assertEquals(Path.of("/var/log/okx.log"), inDataDir("log.file=/var/log/okx.log\n", Map.of()).logFile());
    }

    @Test
    void hugeNumbers_areCappedNotOverflowed() throws IOException {
        Settings s = inDataDir("rest.timeout.seconds=99999999999\n", Map.of());
        assertEquals(Integer.MAX_VALUE, s.integer("rest.timeout.seconds"));
    }
}
