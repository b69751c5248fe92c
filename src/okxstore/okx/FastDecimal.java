package okxstore.okx;

import java.nio.charset.StandardCharsets;

/**
 * OKX's decimal strings to numbers straight from a range of the message's Latin-1 bytes (one byte
 * per char, so indices match the text; anything beyond Latin-1 became '?' and is rejected).
 * Short decimals (at most 2^53 as digits, power of ten within 10^±22, which covers OKX's prices and
 * volumes) take Clinger's fast path: both operands are exact doubles, so the one multiplication or
 * division is correctly rounded. Everything else goes through {@link Double#parseDouble}, also
 * correctly rounded. Pure functions, thread-safe.
 */
final class FastDecimal {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final long MAX_EXACT = 1L << 53;
    private static final int MAX_DIGITS = 18;
    private static final int MAX_EXPONENT = 100_000;

    private FastDecimal() {
    }

    /**
     * The decimal {@code [-]digits[.digits][(e|E)[+|-]digits]} in {@code text[from, to)} as the
     * nearest double, or NaN when the range is not such a decimal.
     */
    static double parse(byte[] text, int from, int to) {
        double[] out = new double[1];
        return scan(text, from, to, out, 0) == to ? out[0] : Double.NaN;
    }

    /**
     * Reads the decimal starting at {@code from} (reading no further than {@code to}) into
     * {@code out[slot]}, NaN when no decimal starts there; returns the index of the first byte after
     * it, so a caller scanning a message reads each byte once.
     */
    static int scan(byte[] text, int from, int to, double[] out, int slot) {
        int i = from;
        if (i >= to) {
            out[slot] = Double.NaN;
            return i;
        }
        boolean negative = text[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int exponent = 0;
        boolean slow = false;
        for (; i < to; i++) {
            int d = text[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            digits++;
            if (significant < MAX_DIGITS) {
                mantissa = mantissa * 10 + d;
                significant += mantissa == 0 ? 0 : 1;
            } else {
                slow = true;
            }
        }
        if (i < to && text[i] == '.') {
            for (i++; i < to; i++) {
                int d = text[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                digits++;
                if (significant < MAX_DIGITS) {
                    mantissa = mantissa * 10 + d;
                    significant += mantissa == 0 ? 0 : 1;
                    exponent--;
                } else {
                    slow = true;
                }
            }
        }
        if (digits == 0) {
            out[slot] = Double.NaN;
            return i;
        }
        if (i < to && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            boolean negativeExponent = i < to && text[i] == '-';
            if (i < to && (text[i] == '-' || text[i] == '+')) {
                i++;
            }
            int e = 0;
            int exponentDigits = 0;
            for (; i < to; i++) {
                int d = text[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                e = e < MAX_EXPONENT ? e * 10 + d : e;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                out[slot] = Double.NaN;
                return i;
            }
            exponent += negativeExponent ? -e : e;
        }
        if (slow || mantissa > MAX_EXACT || exponent < -22 || exponent > 22) {
            // the grammar is checked, so this cannot throw
            out[slot] = Double.parseDouble(new String(text, from, i - from, StandardCharsets.ISO_8859_1));
            return i;
        }
        double value = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
        out[slot] = negative ? -value : value;
        return i;
    }

    /** {@link #parse(byte[], int, int)} of a whole string. */
    static double parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return parse(b, 0, b.length);
    }

    /** {@link #parseMillis(byte[], int, int)} of a whole string. */
    static long parseMillis(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return parseMillis(b, 0, b.length);
    }

    /** Unsigned decimal digits in {@code text[from, to)} as epoch ms, or -1 when they are not (at most 18 digits). */
    static long parseMillis(byte[] text, int from, int to) {
        if (from >= to || to - from > MAX_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int d = text[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
