package okxstore.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the benchmark table: a measured figure, the baseline measured in the same run (or
 * none), their ratio, the target and whether it was met ({@code pass} null: no target, an extra line).
 */
record Row(String figure, String name, double value, String unit, Double baseline, String baselineName,
           Double ratio, String target, Boolean pass, String note) {

    static Row of(String figure, String name, double value, String unit) {
        return new Row(figure, name, value, unit, null, null, null, null, null, null);
    }

    Row baseline(String what, double baselineValue, double ratioValue) {
        return new Row(figure, name, value, unit, baselineValue, what, ratioValue, target, pass, note);
    }

    Row target(String text, boolean met) {
        return new Row(figure, name, value, unit, baseline, baselineName, ratio, text, met, note);
    }

    Row note(String text) {
        return new Row(figure, name, value, unit, baseline, baselineName, ratio, target, pass, text);
    }

    /** The row as plain JSON values for {@code okxstore.json.Json.write}. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("figure", figure);
        m.put("name", name);
        m.put("value", finite(value));
        m.put("unit", unit);
        m.put("baseline", baseline == null ? null : finite(baseline));
        m.put("baseline_name", baselineName);
        m.put("ratio", ratio == null ? null : finite(ratio));
        m.put("target", target);
        m.put("result", pass == null ? "info" : pass ? "PASS" : "MISS");
        m.put("note", note);
        return m;
    }

    private static Object finite(double d) {
        return Double.isFinite(d) ? (Object) d : null;
    }
}
