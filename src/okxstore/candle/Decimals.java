package okxstore.candle;

import java.math.BigDecimal;

/**
 * Doubles as text: the shortest digits that read back the same ({@link Double#toString}'s digits,
 * JDK 19+), written in plain notation so {@code sort -n} and spreadsheets never see {@code 1.5E9}.
 */
public final class Decimals {
    private Decimals() {
    }

    public static String format(double d) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, d);
        return sb.toString();
    }

    public static void append(StringBuilder sb, double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            long l = (long) d;
            if (l == 0 && Double.doubleToRawLongBits(d) != 0) {
                sb.append("-0");
            } else {
                sb.append(l);
            }
            return;
        }
        String s = Double.toString(d);
        if (s.indexOf('E') < 0) {
            sb.append(s);
        } else if (Double.isFinite(d)) {
            sb.append(new BigDecimal(s).stripTrailingZeros().toPlainString());
        } else {
            sb.append(s);
        }
    }

    /** Parses an OKX decimal string to the nearest double; throws NumberFormatException on anything else. */
    public static double parse(String s) {
        if (s.isEmpty() || !isDecimal(s)) {
            throw new NumberFormatException("not a decimal number: '" + s + "'");
        }
        return Double.parseDouble(s);
    }

    private static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (s.charAt(0) == '-') {
            i++;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits > 0 && i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return digits > 0 && i == n;
    }
}
