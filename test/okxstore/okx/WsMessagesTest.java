package okxstore.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import okxstore.candle.InstrumentId;
import okxstore.json.Json;
import org.junit.jupiter.api.Test;

/** Requests out and messages in, against OKX's real payloads (test/resources/okx/samples). */
class WsMessagesTest {

    private static final Path SAMPLES = Path.of("test/resources/okx/samples");

    private static String sample(String name) throws Exception {
        return Files.readString(SAMPLES.resolve(name)).strip();
    }

    private static Supplier<String> ids() {
        AtomicInteger n = new AtomicInteger();
        return () -> "r" + n.incrementAndGet();
    }

    private static List<WsArg> args(int n) {
        List<WsArg> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(WsArg.candle(new InstrumentId("COIN" + i + "-USDT"), Bar.values()[i % Bar.values().length]));
        }
        return out;
    }

    @Test
    void candleChannel_isCandlePlusOkxBarName() {
        assertEquals(new WsArg("candle1Dutc", "BTC-USDT"), WsArg.candle(new InstrumentId("BTC-USDT"), Bar.D1_UTC));
        assertEquals(Bar.MO1, new WsArg("candle1M", "BTC-USDT").bar());
        assertEquals(Bar.M1, new WsArg("candle1m", "BTC-USDT").bar());
        assertNull(new WsArg("tickers", "BTC-USDT").bar());
    }

    @Test
    void request_isOkxsSubscribeShape() {
        List<WsMessages.Request> requests = WsMessages.requests("subscribe",
            List.of(WsArg.candle(new InstrumentId("BTC-USDT"), Bar.D1)), 65_536, ids());
        assertEquals(1, requests.size());
        assertEquals("{\"id\":\"r1\",\"op\":\"subscribe\",\"args\":[{\"channel\":\"candle1D\",\"instId\":\"BTC-USDT\"}]}",
            requests.getFirst().text());
        Map<?, ?> docs = (Map<?, ?>) Json.parse(readUnchecked("ws_subscribe_request_candle1D_docs_example.json"));
        Map<?, ?> ours = (Map<?, ?>) Json.parse(requests.getFirst().text());
        assertEquals(docs.get("args"), ours.get("args"));
        assertEquals(docs.get("op"), ours.get("op"));
    }

    @Test
    void manyArgs_splitIntoRequestsEachWithinTheLimit_inOrder_withUniqueIds() {
        List<WsArg> all = args(3000);
        int limit = 64 * 1024 - 1024;
        List<WsMessages.Request> requests = WsMessages.requests("subscribe", all, limit, ids());
        assertTrue(requests.size() >= 2, "3000 args do not fit in 63 KB");
        List<WsArg> seen = new ArrayList<>();
        Set<String> idsSeen = new HashSet<>();
        for (WsMessages.Request r : requests) {
            int bytes = r.text().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes <= limit, bytes + " bytes");
            assertTrue(r.id().matches("[A-Za-z0-9]{1,32}"));
            assertTrue(idsSeen.add(r.id()));
            Map<?, ?> parsed = (Map<?, ?>) Json.parse(r.text());
            assertEquals(r.id(), parsed.get("id"));
            assertEquals(r.args().size(), ((List<?>) parsed.get("args")).size());
            seen.addAll(r.args());
        }
        assertEquals(all, seen);
        StringBuilder next = new StringBuilder();
        requests.get(1).args().getFirst().appendJson(next);
        int withOneMore = requests.getFirst().text().length() + 1 + next.length();
        assertTrue(withOneMore > limit, "each request is filled as far as the limit allows");
    }

    @Test
    void requestLimit_exactlyMet_isAllowed_oneByteLess_splits() {
        List<WsArg> two = args(2);
        String whole = WsMessages.requests("subscribe", two, 65_536, ids()).getFirst().text();
        int size = whole.length();
        assertEquals(1, WsMessages.requests("subscribe", two, size, ids()).size());
        assertEquals(2, WsMessages.requests("subscribe", two, size - 1, ids()).size());
        assertThrows(IllegalArgumentException.class, () -> WsMessages.requests("subscribe", two, 40, ids()));
        assertTrue(WsMessages.requests("subscribe", List.of(), 1000, ids()).isEmpty());
    }

    @Test
    void realPush_decodesToCandles() throws Exception {
        WsEvent.Candles push = assertInstanceOf(WsEvent.Candles.class,
            WsMessages.parse(sample("ws_candle1m_push_BTC-USDT_business_capture_2026-09.json")));
        assertEquals(new WsArg("candle1m", "BTC-USDT"), push.arg());
        assertEquals(List.of(new Candle(1789470120000L, 77082.7, 77116.6, 77082.6, 77116.6, 1.5784361,
            121697.290334104, 121697.290334104, false)), push.candles());
        assertEquals(0, push.badRows());
        WsEvent.Candles closed = assertInstanceOf(WsEvent.Candles.class,
            WsMessages.parse(sample("ws_candle1D_push_confirm1_nautilus_fixture.json")));
        assertTrue(closed.candles().getFirst().confirmed());
        for (String name : List.of("ws_candle1D_push_confirm0_docs_example.json",
            "ws_candle1H_push_BTC-USDT-SWAP_capture_unattributed.json", "ws_candle1m_push_BTC-USDT-SWAP_capture_bitmyth.json")) {
            WsEvent.Candles c = assertInstanceOf(WsEvent.Candles.class, WsMessages.parse(sample(name)), name);
            assertEquals(1, c.candles().size(), name);
            assertFalse(c.candles().getFirst().confirmed(), name);
        }
    }

    @Test
    void badRows_areCounted_goodRowsKept_onBothDecoders() {
        String rows = "[\"1\",\"2\",\"3\",\"1\",\"2\",\"5\",\"6\",\"7\",\"0\"],"
            + "[\"1789470120000\",\"77082.7\",\"77116.6\",\"77082.6\",\"77116.6\",\"1.57843610\",\"121697.2\",\"0\"],"
            + "[\"x\",\"2\",\"3\",\"1\",\"2\",\"5\",\"6\",\"7\",\"0\"],"
            + "[\"1\",\"2\",\"3\",\"1\",\"2\",\"5\",\"6\",\"7\",\"2\"],"
            + "[\"1\",\"2\",\"3\",\"1\",\"2\",\"5e\",\"6\",\"7\",\"0\"],"
            + "[\"1\",\"2\",\"1\",\"3\",\"2\",\"5\",\"6\",\"7\",\"0\"]";
        String compact = "{\"arg\":{\"channel\":\"candle1m\",\"instId\":\"BTC-USDT\"},\"data\":[" + rows + "]}";
        String spaced = "{ \"arg\" : {\"channel\":\"candle1m\",\"instId\":\"BTC-USDT\"}, \"data\": [" + rows + "]}";
        for (String text : List.of(compact, spaced)) {
            WsEvent.Candles push = assertInstanceOf(WsEvent.Candles.class, WsMessages.parse(text));
            assertEquals(new WsArg("candle1m", "BTC-USDT"), push.arg());
            assertEquals(List.of(new Candle(1, 2, 3, 1, 2, 5, 6, 7, false)), push.candles());
            assertEquals(5, push.badRows(), "8 fields, bad ts, bad confirm, a bad decimal, high < low");
            assertTrue(push.firstProblem().startsWith("row 1: "), push.firstProblem());
        }
    }

    @Test
    void pushesOnOtherChannels_areUnknown() {
        assertInstanceOf(WsEvent.Unknown.class, WsMessages.parse(
            "{\"arg\":{\"channel\":\"tickers\",\"instId\":\"BTC-USDT\"},\"data\":[{\"last\":\"1\"}]}"));
    }

    @Test
    void acksErrorsNoticesAndPong_decode() throws Exception {
        assertEquals(new WsEvent.Subscribed(null, new WsArg("candle1D", "BTC-USDT")),
            WsMessages.parse(sample("ws_subscribe_ack_candle1D_docs_example.json")));
        assertEquals(new WsEvent.Unsubscribed(null, new WsArg("tickers", "BTC-USDT")),
            WsMessages.parse(sample("ws_unsubscribe_ack_docs_example.json")));
        assertEquals(new WsEvent.Subscribed("r7", new WsArg("candle1m", "ETH-USDT")),
            WsMessages.parse("{\"id\":\"r7\",\"event\":\"subscribe\",\"arg\":{\"channel\":\"candle1m\",\"instId\":\"ETH-USDT\"}}"));
        WsEvent.Failed failed = assertInstanceOf(WsEvent.Failed.class,
            WsMessages.parse(sample("ws_error_60018_candle_on_public_capture_2026-09.json")));
        assertEquals("60018", failed.code());
        assertNull(failed.id());
        assertEquals(new WsArg("candle1m", "BTC-USDT"), WsMessages.namedArg(failed.msg()));
        assertEquals("60012", assertInstanceOf(WsEvent.Failed.class,
            WsMessages.parse(sample("ws_error_60012_docs_example.json"))).code());
        assertEquals(new WsEvent.Notice("64008",
            "The connection will soon be closed for a service upgrade. Please reconnect."),
            WsMessages.parse(sample("ws_notice_64008_docs_example.json")));
        assertInstanceOf(WsEvent.Pong.class, WsMessages.parse(sample("ws_pong.txt")));
        assertEquals("8", assertInstanceOf(WsEvent.Failed.class,
            WsMessages.parse("{\"event\":\"error\",\"code\":8}")).code(), "a numeric code is read too");
    }

    @Test
    void errorTexts_nameTheirSeries_inEitherSpelling() {
        assertEquals(new WsArg("candle1s", "BTC-USDT-SWAP"), WsMessages.namedArg("Wrong URL or channel:candle1s,"
            + "instId:BTC-USDT-SWAP doesn't exist. Please use the correct URL"));
        assertNull(WsMessages.namedArg("This channel has been migrated to the '/business' URL."));
        assertNull(WsMessages.namedArg(null));
    }

    @Test
    void otherEvents_areUnknown_andGarbageIsMalformed() throws Exception {
        assertInstanceOf(WsEvent.Unknown.class, WsMessages.parse(sample("ws_channel_conn_count_docs_example.json")));
        assertInstanceOf(WsEvent.Unknown.class, WsMessages.parse(sample("ws_login_ack_docs_example.json")));
        assertInstanceOf(WsEvent.Unknown.class, WsMessages.parse("{\"event\":\"weird\"}"));
        assertInstanceOf(WsEvent.Unknown.class, WsMessages.parse("{\"op\":\"subscribe\"}"));
        assertInstanceOf(WsEvent.Malformed.class, WsMessages.parse("{not json"));
        assertInstanceOf(WsEvent.Malformed.class, WsMessages.parse("[1,2]"));
        assertInstanceOf(WsEvent.Malformed.class, WsMessages.parse("{\"event\":5}"));
        assertInstanceOf(WsEvent.Malformed.class, WsMessages.parse("{\"event\":\"subscribe\"}"));
        assertInstanceOf(WsEvent.Malformed.class, WsMessages.parse("{\"arg\":{\"channel\":\"candle1m\"},\"data\":[]}"));
        assertInstanceOf(WsEvent.Malformed.class,
            WsMessages.parse("{\"arg\":{\"channel\":\"candle1m\",\"instId\":\"X\"},\"data\":{}}"));
        assertInstanceOf(WsEvent.Malformed.class, WsMessages.parse(""));
        String excerpt = assertInstanceOf(WsEvent.Malformed.class, WsMessages.parse("x\n".repeat(200))).excerpt();
        assertTrue(excerpt.length() <= 123 && !excerpt.contains("\n"), excerpt);
    }

    private static String readUnchecked(String name) {
        try {
            return sample(name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
