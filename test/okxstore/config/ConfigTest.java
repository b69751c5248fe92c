package okxstore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a properties file in layers (flag > environment > file > default) and the one-line errors of a bad one. */
class ConfigTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("okx-store.properties");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private String error(String text) throws IOException {
        Path f = file(text);
        return assertThrows(ConfigException.class, () -> Config.load(f, true, Map.of(), Map.of())).getMessage();
    }

    @Test
    void defaults_withoutAnyFile() {
        Config c = Config.defaults(Map.of());
        assertEquals("~/.okx-store", c.get(Keys.DATA_DIR));
        assertEquals("BTC-USDT,ETH-USDT,SOL-USDT", c.get(Keys.INSTRUMENTS));
        assertEquals("hybrid", c.get(Keys.REALTIME_MODE));
        assertEquals("1m,1H,1Dutc", c.get("instrument.BTC-USDT.timeframes"));
        assertEquals("30", c.get("instrument.XRP-USDT.history.days"));
        assertEquals(Optional.empty(), c.file());
        assertEquals("the built-in defaults", c.origin(Keys.REALTIME_MODE));
        assertEquals("", c.get("no.such.key"));
    }

    @Test
    void precedence_flagOverEnvironmentOverFileOverDefault() throws IOException {
        Path f = file("log.level=FINE\nrealtime.mode=polling\nokx.demo=true\n");
        Map<String, String> env = Map.of("OKX_STORE_LOG_LEVEL", "WARNING", "OKX_STORE_REALTIME_MODE", "websocket");
        Config c = Config.load(f, true, env, Map.of("log.level", "SEVERE"));
        assertEquals("SEVERE", c.get(Keys.LOG_LEVEL));
        assertEquals("the command line", c.origin(Keys.LOG_LEVEL));
        assertEquals("websocket", c.get(Keys.REALTIME_MODE));
        assertEquals("environment variable OKX_STORE_REALTIME_MODE", c.origin(Keys.REALTIME_MODE));
        assertTrue(c.maskedByEnvironment(Keys.REALTIME_MODE));
        assertEquals("true", c.get(Keys.DEMO));
        assertEquals(f.toString(), c.origin(Keys.DEMO));
        assertFalse(c.maskedByEnvironment(Keys.DEMO));
        assertEquals("https://www.okx.com", c.get(Keys.REST_URL));
        assertEquals(Optional.empty(), c.explicit(Keys.REST_URL));
        assertEquals(Optional.of(f), c.file());
    }

    @Test
    void environmentNames_perInstrumentKeys() throws IOException {
        Path f = file("instrument.BTC-USDT.timeframes=1m\n");
        Config c = Config.load(f, true, Map.of("OKX_STORE_INSTRUMENT_BTC_USDT_TIMEFRAMES", "1H,4H"), Map.of());
        assertEquals("1H,4H", c.get("instrument.BTC-USDT.timeframes"));
        assertEquals("environment variable OKX_STORE_INSTRUMENT_BTC_USDT_TIMEFRAMES",
            c.origin("instrument.BTC-USDT.timeframes"));
    }

    @Test
    void valuesAreStripped_andCommentsIgnored() throws IOException {
        Config c = Config.load(file("# a comment\n! another\n  realtime.mode =  polling  \n\n"), true, Map.of(), Map.of());
        assertEquals("polling", c.get(Keys.REALTIME_MODE));
        assertEquals(Map.of("realtime.mode", "polling"), c.fileValues());
    }

    @Test
    void missingFile_isAnError_onlyWhenItMustExist() {
        Path f = dir.resolve("nope.properties");
        assertEquals("config file " + f + " does not exist",
            assertThrows(ConfigException.class, () -> Config.load(f, true, Map.of(), Map.of())).getMessage());
        assertEquals("hybrid", Config.load(f, false, Map.of(), Map.of()).get(Keys.REALTIME_MODE));
    }

    @Test
    void unknownKey_namesKeyValueFile_andSuggests() throws IOException {
        Path f = dir.resolve("okx-store.properties");
        assertEquals("unknown key 'realtime.mod' (value 'hybrid') in " + f + " (did you mean realtime.mode?)",
            error("realtime.mod=hybrid\n"));
        assertEquals("unknown key 'instrument.BTC-USDT.timeframe' (value '1m') in " + f
            + " (did you mean instrument.BTC-USDT.timeframes?)", error("instrument.BTC-USDT.timeframe=1m\n"));
        assertEquals("unknown key 'completely.different' (value 'x') in " + f, error("completely.different=x\n"));
    }

    @Test
    void badNumber_namesKeyValueFile() throws IOException {
        Path f = dir.resolve("okx-store.properties");
        assertEquals("bad value 'ten' for rest.timeout.seconds in " + f + ": expected a whole number of 0 or more",
            error("rest.timeout.seconds=ten\n"));
        assertEquals("bad value '-1' for instrument.BTC-USDT.history.days in " + f
            + ": expected a whole number of 0 or more", error("instrument.BTC-USDT.history.days=-1\n"));
        assertEquals("bad value '0x1p3' for rest.rate.margin in " + f + ": expected a number",
            error("rest.rate.margin=0x1p3\n"));
        assertEquals("bad value 'NaN' for rest.rate.margin in " + f + ": expected a number", error("rest.rate.margin=NaN\n"));
    }

    @Test
    void badMode_boolean_url_level_region_proxy() throws IOException {
        Path f = dir.resolve("okx-store.properties");
        assertEquals("bad value 'fast' for realtime.mode in " + f + ": expected one of websocket, polling, hybrid",
            error("realtime.mode=fast\n"));
        assertEquals("bad value 'hybrid' for instrument.BTC-USDT.realtime in " + f
            + ": expected one of websocket, polling, auto", error("instrument.BTC-USDT.realtime=hybrid\n"));
        assertEquals("bad value 'yes' for okx.demo in " + f + ": expected true or false", error("okx.demo=yes\n"));
        assertEquals("bad value 'www.okx.com' for okx.rest.url in " + f + ": expected a URL like https://host",
            error("okx.rest.url=www.okx.com\n"));
        assertEquals("bad value 'LOUD' for log.level in " + f
            + ": expected one of OFF, SEVERE, WARNING, INFO, CONFIG, FINE, FINER, FINEST, ALL, ERROR, WARN, DEBUG, TRACE",
            error("log.level=LOUD\n"));
        assertEquals("bad value 'mars' for okx.region in " + f + ": expected one of global, eea, us",
            error("okx.region=mars\n"));
        assertEquals("bad value 'proxy' for okx.proxy in " + f + ": expected host:port", error("okx.proxy=proxy\n"));
    }

    @Test
    void badInstrumentIds_inTheList_nameKeyValueFile() throws IOException {
        Path f = dir.resolve("okx-store.properties");
        String shape = " (expected letters and digits in dash-separated groups, like BTC-USDT)";
        assertEquals("bad value 'BTC-USDT,../x' for instruments in " + f + ": invalid instrument id '../x'" + shape,
            error("instruments=BTC-USDT,../x\n"));
        assertEquals("bad value 'a;b' for instruments in " + f + ": invalid instrument id 'a;b'" + shape,
            error("instruments=a;b\n"));
        assertEquals("bad value 'BTC-USDT,,ETH-USDT' for instruments in " + f + ": invalid instrument id ''" + shape,
            error("instruments=BTC-USDT,,ETH-USDT\n"));
    }

    @Test
    void badInstrumentIds_inKeys_nameKeyValueFile() throws IOException {
        Path f = dir.resolve("okx-store.properties");
        String shape = " (expected letters and digits in dash-separated groups, like BTC-USDT)";
        assertEquals("bad key 'instrument.a;b.timeframes' (value '1m') in " + f + ": invalid instrument id 'a;b'" + shape,
            error("instrument.a;b.timeframes=1m\n"));
        assertEquals("bad key 'instrument.../x.enabled' (value 'true') in " + f + ": invalid instrument id '../x'" + shape,
            error("instrument.../x.enabled=true\n"));
        assertEquals("bad key 'instrument..history.days' (value '3') in " + f + ": invalid instrument id ''" + shape,
            error("instrument..history.days=3\n"));
        assertEquals("bad key 'instrument.<ID>.timeframes' (value '1m') in " + f + ": invalid instrument id '<ID>'" + shape,
            error("instrument.<ID>.timeframes=1m\n"));
    }

    @Test
    void lowerCaseIdInAKey_isRejected_ratherThanSilentlyIgnored() throws IOException {
        Path f = dir.resolve("okx-store.properties");
        assertEquals("bad key 'instrument.btc-usdt.timeframes' (value '1m') in " + f
            + ": write the instrument id in upper case (instrument.BTC-USDT.timeframes)",
            error("instrument.btc-usdt.timeframes=1m\n"));
    }

    @Test
    void badBars_nameKeyValueFile_andListTheValidOnes() throws IOException {
        Path f = dir.resolve("okx-store.properties");
        String valid = " (valid: 1s 1m 3m 5m 15m 30m 1H 2H 4H 6H 12H 1D 2D 3D 1W 1M 3M"
            + " 6Hutc 12Hutc 1Dutc 2Dutc 3Dutc 1Wutc 1Mutc 3Mutc)";
        assertEquals("bad value '1m,7x' for instrument.BTC-USDT.timeframes in " + f + ": unknown bar '7x'" + valid,
            error("instrument.BTC-USDT.timeframes=1m,7x\n"));
        // validated up front even for an instrument that is not in the list
        assertEquals("bad value '' for instrument.XRP-USDT.timeframes in " + f + ": unknown bar ''" + valid,
            error("instrument.XRP-USDT.timeframes=\n"));
        assertEquals("bad key 'instrument.BTC-USDT.history.days.7x' (value '5') in " + f + ": unknown bar '7x'" + valid,
            error("instrument.BTC-USDT.history.days.7x=5\n"));
        assertEquals("bad value 'week' for instrument.BTC-USDT.history.days.1m in " + f
            + ": expected a whole number of 0 or more", error("instrument.BTC-USDT.history.days.1m=week\n"));
    }

    @Test
    void perBarKey_spelledTwoWays_isAnError() throws IOException {
        Path f = dir.resolve("okx-store.properties");
        assertEquals("key instrument.BTC-USDT.history.days.1d_utc is set twice in " + f
            + ", as instrument.BTC-USDT.history.days.1Dutc ('5') and as instrument.BTC-USDT.history.days.1d_utc ('6'): keep one",
            error("instrument.BTC-USDT.history.days.1Dutc=5\ninstrument.BTC-USDT.history.days.1d_utc=6\n"));
    }

    @Test
    void badEnvironmentValue_namesTheVariable() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> Config.load(null, false, Map.of("OKX_STORE_REALTIME_MODE", "fast"), Map.of()));
        assertEquals("bad value 'fast' for realtime.mode in environment variable OKX_STORE_REALTIME_MODE:"
            + " expected one of websocket, polling, hybrid", e.getMessage());
    }

    @Test
    void badFlagValue_saysCommandLine() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> Config.load(null, false, Map.of(), Map.of("log.level", "LOUD")));
        assertTrue(e.getMessage().startsWith("bad value 'LOUD' for log.level on the command line: expected one of "),
            e.getMessage());
    }

    @Test
    void unreadableFiles_sayWhy() throws IOException {
        Path bin = dir.resolve("bin.properties");
        Files.write(bin, new byte[] {'a', '=', (byte) 0xff, (byte) 0xfe});
        assertEquals("cannot read config file " + bin + ": it is not UTF-8 text",
            assertThrows(ConfigException.class, () -> Config.load(bin, true, Map.of(), Map.of())).getMessage());
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertEquals("cannot read config file " + sub + ": it is a directory",
            assertThrows(ConfigException.class, () -> Config.load(sub, true, Map.of(), Map.of())).getMessage());
        Path bad = file("a=\\u12\n");
        assertTrue(assertThrows(ConfigException.class, () -> Config.load(bad, true, Map.of(), Map.of())).getMessage()
            .startsWith("cannot read config file " + bad + ": Malformed"));
    }

    @Test
    void errorMessages_areOneLine() throws IOException {
        for (String text : new String[] {"realtime.mod=x\n", "okx.demo=maybe\n", "instruments=a;b\n",
            "instrument.BTC-USDT.timeframes=2m\n", "instrument.a;b.enabled=true\n"}) {
            assertFalse(error(text).contains("\n"), text);
        }
    }

    @Test
    void emptyValues_areAllowedForKeysWithAnEmptyDefault() throws IOException {
        Config c = Config.load(file("okx.proxy=\nlog.file=\ninstrument.BTC-USDT.history.days.1m=\n"), true, Map.of(), Map.of());
        assertEquals("", c.get(Keys.PROXY));
        assertEquals(Optional.of(""), c.explicit("instrument.BTC-USDT.history.days.1m"));
    }
}
