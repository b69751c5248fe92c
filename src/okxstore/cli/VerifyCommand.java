package okxstore.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import okxstore.candle.InstrumentId;
import okxstore.json.Json;
import okxstore.store.Gap;
import okxstore.store.Verifier;
import okxstore.store.VerifyReport;

/** {@code verify [ID...] [--json]}: integrity, continuity and candle sanity of the stored data; read-only. */
final class VerifyCommand implements Command {
    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "integrity, continuity and candle sanity of the stored data";
    }

    @Override
    public String help() {
        return """
            Usage: okx-store verify [ID...] [--json] [--data-dir DIR]

            Checks each database (all, or those named): PRAGMA integrity_check, the schema
            version, and per bar the rows, first and last bar, gaps that are not recorded as
            holes on the exchange, and rows that break candle sanity (high below open, close or
            low; low above them; negative volume; an open time off the bar's grid; a bar still
            unconfirmed although its period had ended when the file was last written). When the
            directory holds MANIFEST.json (a snapshot), each file's SHA-256 is checked against it.
            Everything is opened read-only: works beside a daemon and on read-only media.
              --json          one JSON document on stdout instead of the tables
              --data-dir DIR  the directory to check, such as a snapshot (as the global option)
            Exit 0 when clean; 1 with one line per problem on stderr.
            """;
    }

    @Override
    public int run(Cli cli, List<String> argv) throws Exception {
        Args args = Args.parse(name(), argv, Set.of(), Set.of("json"));
        List<InstrumentId> ids = args.positional().stream().map(Series::id).toList();
        cli.logToStderr();
        Path dir = cli.existingDataDir();
        VerifyReport report = Verifier.verify(dir, ids);
        if (args.flag("json")) {
            cli.out.println(Json.write(json(report)));
        } else {
            table(cli, report);
        }
        cli.out.flush();
        for (VerifyReport.Problem p : report.problems()) {
            cli.err.println("okx-store: " + p.line());
        }
        return report.clean() ? 0 : 1;
    }

    private static void table(Cli cli, VerifyReport report) {
        if (!report.files().isEmpty()) {
            String fmt = "%-24s %6s  %-10s %s%n";
            cli.out.printf(Locale.ROOT, fmt, "FILE", "SCHEMA", "INTEGRITY", "SHA256");
            for (VerifyReport.FileResult f : report.files()) {
                cli.out.printf(Locale.ROOT, fmt, f.file(), f.schemaVersion(), f.integrity(), f.checksum());
            }
        }
        String fmt = "%-16s %-7s %9s  %-24s  %-24s  %6s  %s%n";
        boolean header = false;
        for (VerifyReport.FileResult f : report.files()) {
            for (VerifyReport.SeriesResult s : f.series()) {
                if (!header) {
                    cli.out.printf(Locale.ROOT, fmt, "INSTRUMENT", "BAR", "ROWS", "FIRST", "LAST", "GAPS", "CHECK");
                    header = true;
                }
                long problems = report.problems().stream()
                    .filter(p -> f.id().equals(p.id()) && s.bar() == p.bar()).count();
                String check = problems == 0 ? "ok" : problems + (problems == 1 ? " problem" : " problems");
                cli.out.printf(Locale.ROOT, fmt, f.id(), s.bar(), s.rows(), time(s.first()), time(s.last()),
                    s.gapCount(), check);
            }
        }
    }

    private static Map<String, Object> json(VerifyReport report) {
        List<Object> files = new ArrayList<>();
        for (VerifyReport.FileResult f : report.files()) {
            List<Object> bars = new ArrayList<>();
            for (VerifyReport.SeriesResult s : f.series()) {
                List<Object> gaps = new ArrayList<>();
                for (Gap g : s.gaps()) {
                    gaps.add(Map.of("from", IsoTime.format(g.from()), "to", IsoTime.format(g.to()), "bars", g.bars()));
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("bar", s.bar().okxName());
                m.put("rows", s.rows());
                m.put("first", json(s.first()));
                m.put("last", json(s.last()));
                m.put("gap_count", s.gapCount());
                m.put("missing_bars", s.missingBars());
                m.put("gaps", gaps);
                m.put("insane_rows", s.insaneRows());
                m.put("off_grid_rows", s.offGridRows());
                m.put("stale_unconfirmed", s.staleUnconfirmed());
                bars.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("instrument", f.id().value());
            m.put("integrity", f.integrity());
            m.put("schema_version", f.schemaVersion());
            m.put("sha256", f.checksum());
            m.put("written_at", json(f.writtenAt()));
            m.put("bars", bars);
            files.add(m);
        }
        List<Object> problems = new ArrayList<>();
        for (VerifyReport.Problem p : report.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", p.kind().label());
            m.put("file", p.file());
            m.put("instrument", p.id() == null ? null : p.id().value());
            m.put("bar", p.bar() == null ? null : p.bar().okxName());
            m.put("message", p.message());
            problems.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dir", report.dir().toString());
        doc.put("ok", report.clean());
        doc.put("manifest", report.hasManifest());
        doc.put("files", files);
        doc.put("problems", problems);
        return doc;
    }

    private static Object json(OptionalLong t) {
        return t.isPresent() ? IsoTime.format(t.getAsLong()) : null;
    }

    private static String time(OptionalLong t) {
        return t.isPresent() ? IsoTime.format(t.getAsLong()) : "-";
    }
}
