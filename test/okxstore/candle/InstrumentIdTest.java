package okxstore.candle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Instrument ids are validated before they touch a path or SQL. */
class InstrumentIdTest {

    @Test
    void parse_upperCasesAndStrips() {
        assertEquals("BTC-USDT", InstrumentId.parse("btc-usdt").value());
        assertEquals("ETH-USDT", InstrumentId.parse("  Eth-Usdt\t").value());
        assertEquals(new InstrumentId("BTC-USDT"), InstrumentId.parse("btc-usdt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BTC-USDT", "BTC-USD-SWAP", "BTC-USD-250808", "BTC-USD-250808-100000-C", "1INCH-USDT", "A"})
    void accepts_okxIdShapes(String id) {
        assertEquals(id, InstrumentId.parse(id).value());
        assertEquals(id, new InstrumentId(id).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a;b", "", " ", "\t", "BTC USDT", "BTC_USDT", "BTC--USDT", "-BTC", "BTC-",
        "BTC/USDT", "BTC.USDT", "x'--", "BTC-\nUSDT", "BTC-USDT;DROP", "bтc-usdt", "BTC-ÜSDT"})
    void rejects_anythingElse(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse(bad));
        assertTrue(e.getMessage().startsWith("invalid instrument id '"), e.getMessage());
    }

    @Test
    void rejects_nullAndLowerCaseInTheConstructor() {
        assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new InstrumentId(null));
        assertThrows(IllegalArgumentException.class, () -> new InstrumentId("btc-usdt"));
    }

    @Test
    void errorMessage_namesTheValueAndTheExpectedShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse("a;b"));
        assertEquals("invalid instrument id 'a;b' (expected letters and digits in dash-separated groups, like BTC-USDT)",
            e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse(" ../x "));
        assertEquals("invalid instrument id '../x' (expected letters and digits in dash-separated groups, like BTC-USDT)",
            e.getMessage());
    }

    @Test
    void length_isCappedAt64() {
        String ok = "A".repeat(64);
        assertEquals(ok, InstrumentId.parse(ok).value());
        assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse("A".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse("AB-".repeat(40) + "X"));
    }

    @Test
    void fileName_andOrder() {
        assertEquals("BTC-USDT.db", InstrumentId.parse("btc-usdt").fileName());
        List<InstrumentId> ids = new ArrayList<>(List.of(InstrumentId.parse("SOL-USDT"), InstrumentId.parse("BTC-USDT"),
            InstrumentId.parse("ETH-USDT")));
        Collections.sort(ids);
        assertEquals("[BTC-USDT, ETH-USDT, SOL-USDT]", ids.toString());
    }
}
