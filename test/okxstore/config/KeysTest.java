package okxstore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The key catalog: lookup of concrete keys, environment variable names, and the design's documented defaults. */
class KeysTest {

    @Test
    void designDefaults() {
        Map<String, String> expected = Map.ofEntries(
            Map.entry("data.dir", "~/.okx-store"),
            Map.entry("okx.rest.url", "https://www.okx.com"),
            Map.entry("okx.ws.public.url", "wss://ws.okx.com:8443/ws/v5/public"),
            Map.entry("okx.ws.business.url", "wss://ws.okx.com:8443/ws/v5/business"),
            Map.entry("okx.demo", "false"),
            Map.entry("realtime.mode", "hybrid"),
            Map.entry("instruments", "BTC-USDT,ETH-USDT,SOL-USDT"),
            Map.entry("instrument.<ID>.timeframes", "1m,1H,1Dutc"),
            Map.entry("instrument.<ID>.history.days", "30"),
            Map.entry("instrument.<ID>.realtime", "auto"),
            Map.entry("instrument.<ID>.sync.interval.seconds", "60"),
            Map.entry("instrument.<ID>.enabled", "true"),
            Map.entry("log.level", "INFO"),
            Map.entry("log.file", ""));
        expected.forEach((k, v) -> assertEquals(v, Keys.get(k).defaultValue(), k));
    }

    @Test
    void everyKey_isUnique_hasAMeaning_andItsDefaultIsValid() {
        Set<String> names = new HashSet<>();
        for (Key k : Keys.all()) {
            assertTrue(names.add(k.name()), k.name());
            assertTrue(!k.meaning().isBlank() && !k.meaning().contains("\n"), k.name());
            assertTrue(k.name().matches("[a-z0-9.<>ID BAR]+") && !k.name().contains(" "), k.name());
            if (!k.defaultValue().isEmpty()) {
                assertNull(k.type().check(k.defaultValue()), k.name());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Keys.get("no.such.key"));
    }

    @Test
    void lookup_concreteKeys() {
        assertEquals(Optional.of(Keys.get("realtime.mode")), Keys.lookup("realtime.mode"));
        assertEquals(Optional.of(Keys.get(Keys.TIMEFRAMES)), Keys.lookup("instrument.BTC-USDT.timeframes"));
        assertEquals(Optional.of(Keys.get(Keys.HISTORY_DAYS)), Keys.lookup("instrument.BTC-USDT.history.days"));
        assertEquals(Optional.of(Keys.get(Keys.HISTORY_DAYS_BAR)), Keys.lookup("instrument.BTC-USDT.history.days.1m"));
        assertEquals(Optional.of(Keys.get(Keys.SYNC_INTERVAL)), Keys.lookup("instrument.BTC-USD-SWAP.sync.interval.seconds"));
        assertEquals(Optional.empty(), Keys.lookup("instrument.BTC-USDT.history.days."));
        assertEquals(Optional.empty(), Keys.lookup("instrument.BTC-USDT.colour"));
        assertEquals(Optional.empty(), Keys.lookup("realtime"));
        assertEquals(Optional.empty(), Keys.lookup("instrument"));
    }

    @Test
    void split_findsOddIdsByTheKnownSuffix() {
        assertEquals(new Keys.InstrumentKey("../x", Keys.get(Keys.ENABLED), null), Keys.split("instrument.../x.enabled").orElseThrow());
        assertEquals(new Keys.InstrumentKey("BTC-USDT", Keys.get(Keys.HISTORY_DAYS_BAR), "1Dutc"),
            Keys.split("instrument.BTC-USDT.history.days.1Dutc").orElseThrow());
        assertEquals("BTC-USDT", Keys.instrumentOf("instrument.BTC-USDT.colour"));
        assertNull(Keys.instrumentOf("realtime.mode"));
    }

    @Test
    void envName_upperCaseWithUnderscores() {
        assertEquals("OKX_STORE_DATA_DIR", Key.envName("data.dir"));
        assertEquals("OKX_STORE_INSTRUMENT_BTC_USDT_TIMEFRAMES", Key.envName("instrument.BTC-USDT.timeframes"));
        assertEquals("OKX_STORE_INSTRUMENT_BTC_USDT_HISTORY_DAYS_1MO", Key.envName("instrument.BTC-USDT.history.days.1mo"));
        assertEquals("OKX_STORE_WS_MAX_SUBSCRIPTIONS_PER_CONNECTION", Key.envName("ws.max.subscriptions.per.connection"));
    }

    @Test
    void forInstrument_fillsTheId() {
        assertEquals("instrument.ETH-USDT.enabled", Keys.get(Keys.ENABLED).forInstrument("ETH-USDT"));
        assertTrue(Keys.get(Keys.ENABLED).perInstrument());
        assertTrue(!Keys.get(Keys.INSTRUMENTS).perInstrument());
    }
}
