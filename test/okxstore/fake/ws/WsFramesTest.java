package okxstore.fake.ws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The frame codec and handshake key, on byte arrays. */
class WsFramesTest {

    private static final byte[] MASK = {0x12, 0x34, 0x56, 0x78};

    private static WsFrames.Frame roundTrip(int opcode, byte[] payload, byte[] mask, boolean requireMask)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WsFrames.write(out, true, opcode, payload, mask);
        return WsFrames.read(new ByteArrayInputStream(out.toByteArray()), 1 << 20, requireMask);
    }

    @Test
    void maskedFrames_roundTrip_atEveryLengthEncoding() throws IOException {
        for (int length : new int[] {0, 1, 125, 126, 65_535, 65_536, 200_000}) {
            byte[] payload = new byte[length];
            Arrays.fill(payload, (byte) 'a');
            WsFrames.Frame f = roundTrip(WsFrames.TEXT, payload, MASK, true);
            assertTrue(f.fin());
            assertEquals(WsFrames.TEXT, f.opcode());
            assertArrayEquals(payload, f.payload(), "length " + length);
        }
    }

    @Test
    void lengthHeader_uses7_16_and64Bits() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WsFrames.write(out, true, WsFrames.TEXT, new byte[126], null);
        assertEquals(2 + 2 + 126, out.size());
        out.reset();
        WsFrames.write(out, true, WsFrames.TEXT, new byte[65_536], null);
        assertEquals(2 + 8 + 65_536, out.size());
        assertEquals(127, out.toByteArray()[1]);
    }

    @Test
    void unmaskedClientFrame_isAProtocolError() {
        WsFrames.ProtocolError e = assertThrows(WsFrames.ProtocolError.class,
            () -> roundTrip(WsFrames.TEXT, new byte[3], null, true));
        assertEquals(1002, e.code);
    }

    @Test
    void reservedBits_unknownOpcodes_andLongControlFrames_areProtocolErrors() {
        byte[] rsv = {(byte) 0xC1, (byte) 0x80, 1, 2, 3, 4};
        byte[] opcode3 = {(byte) 0x83, (byte) 0x80, 1, 2, 3, 4};
        byte[] fragmentedPing = {(byte) 0x09, (byte) 0x80, 1, 2, 3, 4};
        for (byte[] bad : new byte[][] {rsv, opcode3, fragmentedPing}) {
            assertEquals(1002, assertThrows(WsFrames.ProtocolError.class,
                () -> WsFrames.read(new ByteArrayInputStream(bad), 1 << 20, true)).code);
        }
        assertEquals(1002, assertThrows(WsFrames.ProtocolError.class,
            () -> roundTrip(WsFrames.PING, new byte[126], MASK, true)).code);
    }

    @Test
    void payloadOverTheLimit_is1009() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(1009, assertThrows(WsFrames.ProtocolError.class, () -> {
            WsFrames.write(out, true, WsFrames.TEXT, new byte[2_000], MASK);
            WsFrames.read(new ByteArrayInputStream(out.toByteArray()), 1_000, true);
        }).code);
    }

    @Test
    void writeMessage_splitsIntoContinuationFrames() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WsFrames.writeMessage(out, WsFrames.TEXT, "abcdefgh".getBytes(StandardCharsets.US_ASCII), 3);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        WsFrames.Frame a = WsFrames.read(in, 100, false);
        WsFrames.Frame b = WsFrames.read(in, 100, false);
        WsFrames.Frame c = WsFrames.read(in, 100, false);
        assertEquals(WsFrames.TEXT, a.opcode());
        assertFalse(a.fin() || b.fin());
        assertEquals(WsFrames.CONTINUATION, b.opcode());
        assertTrue(c.fin());
        assertEquals("abcdefgh", new String(a.payload()) + new String(b.payload()) + new String(c.payload()));
    }

    @Test
    void closePayload_roundTrips_andRejectsBadCodes() throws IOException {
        WsFrames.CloseReason r = WsFrames.parseClose(WsFrames.closePayload(4004, "No data received in 30s."));
        assertEquals(new WsFrames.CloseReason(4004, "No data received in 30s."), r);
        assertEquals(WsFrames.NO_STATUS, WsFrames.parseClose(new byte[0]).code());
        assertThrows(WsFrames.ProtocolError.class, () -> WsFrames.parseClose(new byte[] {3}));
        assertThrows(WsFrames.ProtocolError.class, () -> WsFrames.parseClose(WsFrames.closePayload(1005, "")));
    }

    @Test
    void acceptKey_matchesTheRfcExample() {
        // RFC 6455 §1.3
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WsHandshake.acceptKey("dGhlIHNhbXBsZSBub25jZQ=="));
    }
}
