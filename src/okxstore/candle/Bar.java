package okxstore.candle;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every OKX candle size: its OKX spelling, its table name, and the grid of bar open times.
 * Bars of 6 hours and more are aligned to UTC+8 unless they are a {@code utc} variant
 * (API-NOTES §3.4); weeks start on Monday, months on the 1st. Immutable.
 */
public enum Bar {
    S1("1s", Unit.SECOND, 1, false),
    M1("1m", Unit.MINUTE, 1, false),
    M3("3m", Unit.MINUTE, 3, false),
    M5("5m", Unit.MINUTE, 5, false),
    M15("15m", Unit.MINUTE, 15, false),
    M30("30m", Unit.MINUTE, 30, false),
    H1("1H", Unit.HOUR, 1, false),
    H2("2H", Unit.HOUR, 2, false),
    H4("4H", Unit.HOUR, 4, false),
    H6("6H", Unit.HOUR, 6, false),
    H12("12H", Unit.HOUR, 12, false),
    D1("1D", Unit.DAY, 1, false),
    D2("2D", Unit.DAY, 2, false),
    D3("3D", Unit.DAY, 3, false),
    W1("1W", Unit.WEEK, 1, false),
    MO1("1M", Unit.MONTH, 1, false),
    MO3("3M", Unit.MONTH, 3, false),
    H6_UTC("6Hutc", Unit.HOUR, 6, true),
    H12_UTC("12Hutc", Unit.HOUR, 12, true),
    D1_UTC("1Dutc", Unit.DAY, 1, true),
    D2_UTC("2Dutc", Unit.DAY, 2, true),
    D3_UTC("3Dutc", Unit.DAY, 3, true),
    W1_UTC("1Wutc", Unit.WEEK, 1, true),
    MO1_UTC("1Mutc", Unit.MONTH, 1, true),
    MO3_UTC("3Mutc", Unit.MONTH, 3, true);

    enum Unit {
        SECOND("s", 1_000L), MINUTE("m", 60_000L), HOUR("h", 3_600_000L), DAY("d", 86_400_000L),
        WEEK("w", 7 * 86_400_000L), MONTH("mo", 0);

        final String tableSuffix;
        final long millis;

        Unit(String tableSuffix, long millis) {
            this.tableSuffix = tableSuffix;
            this.millis = millis;
        }
    }

    private static final ZoneOffset UTC8 = ZoneOffset.ofHours(8);

    private final String okx;
    private final Unit unit;
    private final int count;
    private final boolean utc;

    Bar(String okx, Unit unit, int count, boolean utc) {
        this.okx = okx;
        this.unit = unit;
        this.count = count;
        this.utc = utc;
    }

    /** OKX's own spelling, as sent in {@code bar=} and channel names: {@code 1m}, {@code 1H}, {@code 1Dutc}. */
    public String okxName() {
        return okx;
    }

    /** The SQLite table holding this bar, lower case so that {@code 1m} and {@code 1M} differ. */
    public String tableName() {
        return "candles_" + count + unit.tableSuffix + (utc ? "_utc" : "");
    }

    /** The short lower-case name used in tables and files: {@code 1m}, {@code 1h}, {@code 1mo_utc}. */
    public String shortName() {
        return tableName().substring("candles_".length());
    }

    /** True for months and quarters, whose length varies. */
    public boolean isCalendar() {
        return unit == Unit.MONTH;
    }

    /** The fixed length of the bar in ms; months and quarters have none. */
    public long durationMillis() {
        if (isCalendar()) {
            throw new UnsupportedOperationException(okx + " has no fixed length");
        }
        return unit.millis * count;
    }

    /** An upper bound of the bar's length, for sizing windows. */
    public long maxDurationMillis() {
        return isCalendar() ? count * 31L * 86_400_000L : durationMillis();
    }

    /** UTC for the utc variants and for bars up to 4H (8 h is a multiple of them); UTC+8 from 6H up, months included. */
    private ZoneOffset zone() {
        boolean shortBar = switch (unit) {
            case SECOND, MINUTE -> true;
            case HOUR -> count <= 4;
            case DAY, WEEK, MONTH -> false;
        };
        return utc || shortBar ? ZoneOffset.UTC : UTC8;
    }

    /** Open time of the bar that contains {@code epochMs}. */
    public long openTime(long epochMs) {
        ZoneOffset zone = zone();
        return switch (unit) {
            case SECOND, MINUTE, HOUR, DAY -> {
                long offset = zone.getTotalSeconds() * 1000L;
                long len = durationMillis();
                yield Math.floorDiv(epochMs + offset, len) * len - offset;
            }
            case WEEK -> {
                LocalDate day = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs), zone).toLocalDate();
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield monday.atStartOfDay().toInstant(zone).toEpochMilli();
            }
            case MONTH -> {
                LocalDate day = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs), zone).toLocalDate();
                int month0 = (day.getMonthValue() - 1) / count * count;
                yield LocalDate.of(day.getYear(), month0 + 1, 1).atStartOfDay().toInstant(zone).toEpochMilli();
            }
        };
    }

    /** Open time of the bar after the one opening at {@code openMs}. */
    public long next(long openMs) {
        return plus(openMs, 1);
    }

    /** Open time {@code n} bars after (or before, when negative) the bar opening at {@code openMs}. */
    public long plus(long openMs, long n) {
        if (!isCalendar()) {
            return openMs + n * durationMillis();
        }
        ZoneOffset zone = zone();
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(openMs), zone);
        return t.plusMonths(n * count).toInstant(zone).toEpochMilli();
    }

    /** True when {@code ts} is the open time of a bar. */
    public boolean isOnGrid(long ts) {
        return openTime(ts) == ts;
    }

    /** Number of bars opening in [fromOpen, toOpen], both on the grid. */
    public long countBetween(long fromOpen, long toOpen) {
        if (toOpen < fromOpen) {
            return 0;
        }
        if (!isCalendar()) {
            return (toOpen - fromOpen) / durationMillis() + 1;
        }
        ZoneOffset zone = zone();
        LocalDateTime a = LocalDateTime.ofInstant(Instant.ofEpochMilli(fromOpen), zone);
        LocalDateTime b = LocalDateTime.ofInstant(Instant.ofEpochMilli(toOpen), zone);
        long months = (b.getYear() - a.getYear()) * 12L + b.getMonthValue() - a.getMonthValue();
        return months / count + 1;
    }

    /**
     * Parses a bar as users type it: OKX's names ({@code 1m} minute, {@code 1M} month), {@code h d w}
     * in either case, the {@code utc} suffix in any case, and table-style names ({@code 1mo}, {@code 1mo_utc}).
     */
    public static Bar parse(String text) {
        Bar bar = text == null ? null : lookup(text.strip());
        if (bar == null) {
            throw new IllegalArgumentException("unknown bar '" + text + "' (valid: " + validNames() + ")");
        }
        return bar;
    }

    private static Bar lookup(String s) {
        for (Bar b : values()) {
            if (b.okx.equals(s) || b.shortName().equals(s)) {
                return b;
            }
        }
        String lower = s.toLowerCase(Locale.ROOT);
        boolean utc = lower.endsWith("utc");
        String core = utc ? s.substring(0, s.length() - 3) : s;
        if (core.endsWith("_")) {
            core = core.substring(0, core.length() - 1);
        }
        if (core.isEmpty()) {
            return null;
        }
        char last = core.charAt(core.length() - 1);
        String normal = switch (last) {
            case 'h', 'd', 'w' -> core.substring(0, core.length() - 1) + Character.toUpperCase(last);
            case 'S' -> core.substring(0, core.length() - 1) + 's';
            default -> core;
        };
        if (normal.toLowerCase(Locale.ROOT).endsWith("mo")) {
            normal = normal.substring(0, normal.length() - 2) + "M";
        }
        String name = normal + (utc ? "utc" : "");
        for (Bar b : values()) {
            if (b.okx.equals(name)) {
                return b;
            }
        }
        return null;
    }

    /** OKX names of every bar, for error messages. */
    public static String validNames() {
        return Arrays.stream(values()).map(Bar::okxName).collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return okx;
    }
}
