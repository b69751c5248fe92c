package okxstore.fake.ws;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 6455 frame codec: reads frames (the server requires client masking) and writes them
 * (unmasked from the server, masked when a test plays the client). Stateless; callers
 * serialise access to each stream.
 */
final class WsFrames {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    static final int MAX_CONTROL_PAYLOAD = 125;
    /** The close code for "no status received" (RFC 6455 §7.1.5), never sent on the wire. */
    static final int NO_STATUS = 1005;

    private WsFrames() {
    }

    /** One frame as on the wire, payload already unmasked. */
    record Frame(boolean fin, int opcode, byte[] payload) {
        boolean isControl() {
            return (opcode & 0x8) != 0;
        }
    }

    /** A close frame's content; {@code code} is {@link #NO_STATUS} when the payload was empty. */
    record CloseReason(int code, String reason) {
    }

    /** A breach of RFC 6455 by the peer; the connection answers with a close frame carrying {@code code}. */
    static final class ProtocolError extends IOException {
        @Serial
        private static final long serialVersionUID = 1L;
        final int code;

        ProtocolError(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /**
     * Reads one frame. Rejects reserved bits, unknown opcodes, bad control frames and unmasked
     * frames when {@code requireMask} (1002), and payloads over {@code maxPayload} (1009).
     */
    static Frame read(InputStream in, long maxPayload, boolean requireMask) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            throw new EOFException("connection closed by peer");
        }
        int b1 = readByte(in);
        if ((b0 & 0x70) != 0) {
            throw new ProtocolError(1002, "reserved bits set without an extension");
        }
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        if (!(opcode <= BINARY || opcode >= CLOSE && opcode <= PONG)) {
            throw new ProtocolError(1002, "unknown opcode " + opcode);
        }
        boolean masked = (b1 & 0x80) != 0;
        if (requireMask && !masked) {
            throw new ProtocolError(1002, "client frame not masked");
        }
        long length = b1 & 0x7F;
        if (length == 126) {
            length = readUnsigned(in, 2);
        } else if (length == 127) {
            length = readUnsigned(in, 8);
            if (length < 0) {
                throw new ProtocolError(1002, "64-bit length with the top bit set");
            }
        }
        boolean control = (opcode & 0x8) != 0;
        if (control && (length > MAX_CONTROL_PAYLOAD || !fin)) {
            throw new ProtocolError(1002, "control frame fragmented or longer than 125 bytes");
        }
        if (length > maxPayload) {
            throw new ProtocolError(1009, "frame too long");
        }
        byte[] mask = masked ? readExactly(in, 4) : null;
        byte[] payload = readExactly(in, (int) length);
        if (mask != null) {
            applyMask(payload, mask);
        }
        return new Frame(fin, opcode, payload);
    }

    /** Writes one frame with the shortest length encoding; masks it when {@code mask} is not null. */
    static void write(OutputStream out, boolean fin, int opcode, byte[] payload, byte[] mask)
            throws IOException {
        int maskBit = mask == null ? 0 : 0x80;
        out.write((fin ? 0x80 : 0) | opcode);
        if (payload.length <= 125) {
            out.write(maskBit | payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(maskBit | 127);
            out.write(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        if (mask == null) {
            out.write(payload);
        } else {
            out.write(mask);
            byte[] copy = payload.clone();
            applyMask(copy, mask);
            out.write(copy);
        }
    }

    /** Writes a message as {@code frames} frames (a TEXT/BINARY first, then continuations). */
    static void writeMessage(OutputStream out, int opcode, byte[] payload, int frames) throws IOException {
        int n = Math.max(1, Math.min(frames, payload.length));
        int at = 0;
        for (int i = 0; i < n; i++) {
            int end = (int) ((long) payload.length * (i + 1) / n);
            write(out, i == n - 1, i == 0 ? opcode : CONTINUATION, Arrays.copyOfRange(payload, at, end), null);
            at = end;
        }
    }

    /** A close payload: the code, then the reason cut to fit a control frame. */
    static byte[] closePayload(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int len = Math.min(text.length, MAX_CONTROL_PAYLOAD - 2);
        ByteBuffer b = ByteBuffer.allocate(2 + len).putShort((short) code).put(text, 0, len);
        return b.array();
    }

    /** Reads a close payload; a 1-byte payload or an invalid code is a protocol error. */
    static CloseReason parseClose(byte[] payload) throws ProtocolError {
        if (payload.length == 0) {
            return new CloseReason(NO_STATUS, "");
        }
        if (payload.length == 1) {
            throw new ProtocolError(1002, "close payload of one byte");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!isValidCloseCode(code)) {
            throw new ProtocolError(1002, "invalid close code " + code);
        }
        return new CloseReason(code, new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
    }

    /** Codes an endpoint may put in a close frame (RFC 6455 §7.4). */
    static boolean isValidCloseCode(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
    }

    private static void applyMask(byte[] payload, byte[] mask) {
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed inside a frame header");
        }
        return b;
    }

    private static long readUnsigned(InputStream in, int bytes) throws IOException {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | readByte(in);
        }
        return value;
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("connection closed inside a frame payload");
        }
        return bytes;
    }
}
