package okxstore.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How acks and error events find the request they answer. */
class WsRequestsTest {

    private static final WsArg BTC = new WsArg("candle1m", "BTC-USDT");
    private static final WsArg ETH = new WsArg("candle1m", "ETH-USDT");
    private static final WsArg SOL = new WsArg("candle1m", "SOL-USDT");

    private static WsMessages.Request request(String id, String op, WsArg... args) {
        return new WsMessages.Request(id, op, List.of(args), "");
    }

    @Test
    void acks_removeTheirArg_andAnsweredRequestsGo() {
        WsRequests r = new WsRequests();
        r.sent(request("r1", "subscribe", BTC, ETH), 0);
        r.answered("r1", BTC, "subscribe");
        assertFalse(r.awaitsSubscribe(BTC));
        assertTrue(r.awaitsSubscribe(ETH));
        r.answered(null, ETH, "subscribe"); // no id echoed: found by its arg
        assertEquals(0, r.size());
    }

    @Test
    void errorWithId_refusesWhatItsRequestStillAwaits() {
        WsRequests r = new WsRequests();
        r.sent(request("r1", "subscribe", BTC, ETH), 0);
        r.sent(request("r2", "subscribe", SOL), 0);
        r.answered("r1", BTC, "subscribe");
        assertEquals(List.of(ETH), r.refusedBy("r1", null));
        assertEquals(1, r.size());
    }

    @Test
    void errorNamingASeries_refusesOnlyThatOne() {
        WsRequests r = new WsRequests();
        r.sent(request("r1", "subscribe", BTC, ETH), 0);
        assertEquals(List.of(ETH), r.refusedBy(null, ETH));
        assertTrue(r.awaitsSubscribe(BTC));
        assertEquals(List.of(), r.refusedBy(null, SOL), "a series never asked for");
    }

    @Test
    void anonymousError_fallsOnTheOnlyRequestWaiting_elseOnNone() {
        WsRequests one = new WsRequests();
        one.sent(request("r1", "subscribe", BTC), 0);
        assertEquals(List.of(BTC), one.refusedBy(null, null));
        WsRequests two = new WsRequests();
        two.sent(request("r1", "subscribe", BTC), 0);
        two.sent(request("r2", "subscribe", ETH), 0);
        assertEquals(List.of(), two.refusedBy(null, null));
        assertEquals(2, two.size());
    }

    @Test
    void errorsOnUnsubscribes_refuseNoSeries() {
        WsRequests r = new WsRequests();
        r.sent(request("r1", "unsubscribe", BTC), 0);
        assertEquals(List.of(), r.refusedBy("r1", null));
        assertEquals(0, r.size());
    }

    @Test
    void expire_returnsTheSubscribesSentBeforeTheCutoff() {
        WsRequests r = new WsRequests();
        r.sent(request("r1", "subscribe", BTC), 100);
        r.sent(request("r2", "unsubscribe", ETH), 100);
        r.sent(request("r3", "subscribe", SOL), 200);
        assertEquals(List.of(BTC), r.expire(150));
        assertEquals(1, r.size());
    }
}
