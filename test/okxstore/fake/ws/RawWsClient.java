package okxstore.fake.ws;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** A byte-level client for what the JDK's WebSocket will not do: bad requests, unmasked frames. One thread. */
final class RawWsClient implements AutoCloseable {

    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawWsClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(3_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends a request head (lines without CRLF) and returns the response head. */
    String request(String... lines) throws IOException {
        out.write((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Performs a valid upgrade to {@code path}, returning the response head. */
    String upgrade(String path) throws IOException {
        return request("GET " + path + " HTTP/1.1", "Host: 127.0.0.1", "Upgrade: websocket",
            "Connection: Upgrade", "Sec-WebSocket-Key: " + KEY, "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits");
    }

    void writeFrame(boolean fin, int opcode, byte[] payload, byte[] mask) throws IOException {
        WsFrames.write(out, fin, opcode, payload, mask);
        out.flush();
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    WsFrames.Frame readFrame() throws IOException {
        return WsFrames.read(in, 1 << 24, /* requireMask= */ false);
    }

    /** True when the server closed the TCP connection (EOF or reset) within the socket timeout. */
    boolean readsEof() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException e) {
            return true; // a close with unread input sends a reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
