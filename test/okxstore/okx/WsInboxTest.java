package okxstore.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Back-pressure: a full inbox holds the socket's next request(1), not more messages. */
class WsInboxTest {

    private static WsInput.Text text(String s) {
        return new WsInput.Text(null, s, 0);
    }

    @Test
    void fullInbox_parksTheMessage_andItsRequest_untilASlotFrees() {
        WsInbox inbox = new WsInbox(2);
        AtomicInteger requested = new AtomicInteger();
        inbox.message(text("a"), requested::incrementAndGet);
        inbox.message(text("b"), requested::incrementAndGet);
        inbox.message(text("c"), requested::incrementAndGet);
        assertEquals(2, requested.get(), "the third message's request(1) waits");
        WsInput.Text a = (WsInput.Text) inbox.poll();
        assertEquals("a", a.text());
        assertEquals(2, requested.get(), "taking a message does not free its slot; finishing it does");
        inbox.done(a);
        assertEquals(3, requested.get());
        assertEquals("b", ((WsInput.Text) inbox.poll()).text());
        assertEquals("c", ((WsInput.Text) inbox.poll()).text());
        assertNull(inbox.poll());
        assertEquals(0, inbox.freeSlots());
    }

    @Test
    void controlInputs_alwaysGetIn_inOrderWithMessages() {
        WsInbox inbox = new WsInbox(1);
        inbox.message(text("a"), () -> { });
        WsInput.Tick tick = new WsInput.Tick();
        inbox.control(tick);
        inbox.message(text("b"), () -> { });
        assertEquals("a", ((WsInput.Text) inbox.poll()).text());
        assertSame(tick, inbox.poll());
        assertNull(inbox.poll(), "b is parked");
        inbox.done(text("a"));
        assertInstanceOf(WsInput.Text.class, inbox.poll());
    }
}
