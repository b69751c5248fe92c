package okxstore.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians, percentiles and number formatting for the benchmark table. Stateless. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The nearest-rank percentile {@code p} (0-100) of values that are already sorted. */
    static double percentileSorted(long[] sorted, int count, double p) {
        if (count == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    static double percentile(long[] values, int count, double p) {
        long[] v = Arrays.copyOf(values, count);
        Arrays.sort(v);
        return percentileSorted(v, count, p);
    }

    /** A readable number: grouped thousands for large ones, 3 significant-ish digits for small ones. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Run values for a note: {@code [412k, 398k, 420k]}-like, compact. */
    static String list(List<Double> values) {
        StringBuilder sb = new StringBuilder("[");
        for (double v : values) {
            sb.append(sb.length() > 1 ? ", " : "").append(fmt(v));
        }
        return sb.append(']').toString();
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2fx", r);
    }

    static String pct(double r) {
        return String.format(Locale.ROOT, "%.1f%%", r * 100);
    }
}
