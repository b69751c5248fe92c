package okxstore.cli;

/** Epoch ms as ISO-8601 UTC text ({@code 2024-03-01T12:00:00Z}, with {@code .123} when there are ms), fast. */
final class IsoTime {
    private IsoTime() {
    }

    static void append(StringBuilder sb, long epochMs) {
        long days = Math.floorDiv(epochMs, 86_400_000L);
        long msOfDay = Math.floorMod(epochMs, 86_400_000L);
        // civil-from-days (H. Hinnant), valid for the whole proleptic Gregorian range we meet
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) {
            y++;
        }
        pad(sb, y, 4).append('-');
        pad(sb, m, 2).append('-');
        pad(sb, d, 2).append('T');
        long secs = msOfDay / 1000;
        pad(sb, secs / 3600, 2).append(':');
        pad(sb, secs / 60 % 60, 2).append(':');
        pad(sb, secs % 60, 2);
        long ms = msOfDay % 1000;
        if (ms != 0) {
            sb.append('.');
            pad(sb, ms, 3);
        }
        sb.append('Z');
    }

    static String format(long epochMs) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, epochMs);
        return sb.toString();
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        if (v < 0) {
            return sb.append(v);
        }
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
