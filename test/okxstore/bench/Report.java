package okxstore.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human-readable table of the results, with the baselines and notes spelled out below it. */
final class Report {
    private Report() {
    }

    static String table(List<Row> rows, Map<String, Object> machine, double seconds) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nokx-store benchmarks (%.0f s)%n", seconds));
        machine.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        sb.append('\n');
        String fmt = "%-4s %-44s %20s %20s %8s %-24s %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "fig", "figure", "value", "baseline", "ratio", "target", "result"));
        sb.append("-".repeat(132)).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, fmt, r.figure(), cut(r.name(), 44),
                Stats.fmt(r.value()) + " " + r.unit(),
                r.baseline() == null ? "-" : Stats.fmt(r.baseline()),
                r.ratio() == null ? "-" : Stats.ratio(r.ratio()),
                r.target() == null ? "-" : cut(r.target(), 24),
                r.pass() == null ? "info" : r.pass() ? "PASS" : "MISS"));
        }
        sb.append("\nbaselines and notes:\n");
        for (Row r : rows) {
            if (r.baselineName() != null || r.note() != null) {
                sb.append("  ").append(r.figure()).append(": ");
                if (r.baselineName() != null) {
                    sb.append("baseline ").append(r.baselineName()).append(". ");
                }
                if (r.note() != null) {
                    sb.append(r.note());
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
