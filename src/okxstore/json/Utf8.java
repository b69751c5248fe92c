package okxstore.json;

import java.util.Locale;

/**
 * Strict UTF-8 validation (RFC 3629, Unicode table 3-7) with byte offsets in its errors, and the
 * reverse mapping from a char index to a byte offset. Stateless.
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Accepts exactly the well-formed sequences: rejects stray continuation bytes, overlong
     * forms, encoded surrogates (ED A0..BF), code points above U+10FFFF, and truncated sequences.
     */
    static void validate(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i];
            if (lead >= 0) {
                i++;
                continue;
            }
            lead &= 0xFF;
            if (lead < 0xC0) {
                throw error("Unexpected UTF-8 continuation byte", lead, i);
            } else if (lead < 0xC2) {
                throw error("Overlong UTF-8 encoding", lead, i);
            } else if (lead < 0xE0) {
                requireContinuations(bytes, i, 1, 0x80, 0xBF);
                i += 2;
            } else if (lead < 0xF0) {
                // E0 must not start an overlong form; ED must not encode a surrogate
                int low = lead == 0xE0 ? 0xA0 : 0x80;
                int high = lead == 0xED ? 0x9F : 0xBF;
                requireContinuations(bytes, i, 2, low, high);
                i += 3;
            } else if (lead < 0xF5) {
                // F0 must not start an overlong form; F4 must not pass U+10FFFF
                int low = lead == 0xF0 ? 0x90 : 0x80;
                int high = lead == 0xF4 ? 0x8F : 0xBF;
                requireContinuations(bytes, i, 3, low, high);
                i += 4;
            } else if (lead < 0xF8) {
                throw error("UTF-8 code point above U+10FFFF", lead, i);
            } else {
                throw error("Invalid UTF-8 byte", lead, i);
            }
        }
    }

    /** Checks the bytes after a lead byte; the second byte has a narrower range for some leads. */
    private static void requireContinuations(byte[] bytes, int leadAt, int count, int low, int high) {
        int lead = bytes[leadAt] & 0xFF;
        for (int at = leadAt + 1; at <= leadAt + count; at++) {
            if (at >= bytes.length || (bytes[at] & 0xC0) != 0x80) {
                throw error("Truncated UTF-8 sequence", lead, leadAt);
            }
        }
        int second = bytes[leadAt + 1] & 0xFF;
        if (second < low || second > high) {
            String reason = switch (lead) {
                case 0xED -> "UTF-8 encoded surrogate";
                case 0xF4 -> "UTF-8 code point above U+10FFFF";
                default -> "Overlong UTF-8 encoding";
            };
            throw error(reason, lead, leadAt);
        }
    }

    /** How many UTF-8 bytes encode {@code text.substring(0, end)}; text has no lone surrogates. */
    static int encodedLength(String text, int end) {
        int bytes = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                bytes += 2; // a surrogate pair is 4 bytes, 2 per half
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static JsonException error(String reason, int lead, int offset) {
        return new JsonException(
                String.format(Locale.ROOT, "%s (byte 0x%02X)", reason, lead), offset);
    }
}
