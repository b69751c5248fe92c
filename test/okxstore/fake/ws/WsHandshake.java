package okxstore.fake.ws;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP/1.1 side of RFC 6455: reads the upgrade request, computes {@code Sec-WebSocket-Accept},
 * writes the 101 answer or an error status. No extension is ever negotiated (a
 * {@code permessage-deflate} offer is ignored). Stateless.
 */
final class WsHandshake {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int KEY_BYTES = 16;

    private WsHandshake() {
    }

    /** A request head; header names are lower-cased, repeated headers joined with ", ". */
    record Request(String method, String target, Map<String, String> headers) {

        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        boolean hasToken(String name, String token) {
            for (String part : header(name).split(",")) {
                if (part.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
            return false;
        }

        /** A GET with {@code Upgrade: websocket}, {@code Connection: upgrade} and a 16-byte key. */
        boolean isUpgrade() {
            return method.equals("GET") && hasToken("upgrade", "websocket")
                && hasToken("connection", "upgrade") && validKey(header("sec-websocket-key"));
        }

        boolean isVersion13() {
            return header("sec-websocket-version").strip().equals("13");
        }
    }

    /** Reads the request line and headers, up to the blank line; the body (if any) is left unread. */
    static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside the HTTP request");
            }
            head.write(b);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("HTTP request head over " + MAX_HEAD_BYTES + " bytes");
            }
            state = b == '\r' && (state == 0 || state == 2) || b == '\n' && (state == 1 || state == 3)
                ? state + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x request line: " + lines[0]);
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).strip();
                headers.merge(name, value, (a, b) -> a + ", " + b);
            }
        }
        return new Request(requestLine[0], requestLine[1], headers);
    }

    /** Base64(SHA-1(key + GUID)), RFC 6455 §4.2.2. */
    static String acceptKey(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key.strip() + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    /** Writes {@code 101 Switching Protocols} for the request's key. */
    static void accept(OutputStream out, Request request) throws IOException {
        String response = "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: " + acceptKey(request.header("sec-websocket-key")) + "\r\n\r\n";
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Writes an error status with a short text body and {@code Connection: close}. */
    static void reject(OutputStream out, int status, String reasonPhrase, String extraHeader) throws IOException {
        byte[] body = (status + " " + reasonPhrase + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reasonPhrase + "\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: " + body.length + "\r\n"
            + (extraHeader.isEmpty() ? "" : extraHeader + "\r\n")
            + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static boolean validKey(String key) {
        try {
            return Base64.getDecoder().decode(key.strip()).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
