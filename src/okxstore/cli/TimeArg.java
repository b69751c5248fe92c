package okxstore.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Times as users type them: epoch ms, an ISO-8601 date ({@code 2024-03-01}) or date-time
 * ({@code 2024-03-01T12:00}, {@code 2024-03-01 12:00:00}), UTC unless an offset is given.
 */
final class TimeArg {
    private TimeArg() {
    }

    /** The instant a time argument names; a bare date is its start, or its end with {@code endOfDay}. */
    static long parse(String option, String text, boolean endOfDay) {
        String s = text.strip();
        try {
            if (s.matches("-?\\d{5,}")) {
                return Long.parseLong(s);
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(s);
                return endOfDay ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() - 1
                    : d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            String iso = s.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                try {
                    return Instant.parse(iso).toEpochMilli();
                } catch (DateTimeParseException e) {
                    return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
                }
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw CliException.usage("--" + option + " '" + text
                + "' is not a time (use epoch ms, 2024-03-01, or 2024-03-01T12:00:00Z)");
        }
    }
}
