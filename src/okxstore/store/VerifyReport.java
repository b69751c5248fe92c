package okxstore.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * What {@code verify} found in a data directory or snapshot: per file its integrity, schema and
 * checksum, per bar its rows and continuity, and every problem as one line. Immutable.
 */
public record VerifyReport(Path dir, boolean hasManifest, List<FileResult> files, List<Problem> problems) {
    public VerifyReport {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** True when nothing is wrong. */
    public boolean clean() {
        return problems.isEmpty();
    }

    /** The kinds of problem, as scripts see them in {@code verify --json}. */
    public enum Kind {
        NO_DATABASES("no-databases"), MISSING_FILE("missing-file"), LEFTOVER_TEMP("leftover-temp"),
        MANIFEST("manifest"), CHECKSUM("checksum"), UNLISTED("unlisted"), UNREADABLE("unreadable"),
        INTEGRITY("integrity"), SCHEMA("schema"), GAP("gap"), INSANE("insane"), OFF_GRID("off-grid"),
        UNCONFIRMED("unconfirmed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One problem; {@code file}, {@code id} and {@code bar} are null when it is not about one. */
    public record Problem(Kind kind, String file, InstrumentId id, Bar bar, String message) {
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        /** The one-line summary: where, then what. */
        public String line() {
            String where = id != null && bar != null ? id + " " + bar : file;
            return where == null ? message : where + ": " + message;
        }
    }

    /**
     * One database file. {@code integrity} is {@code ok} or the first line SQLite reported;
     * {@code checksum} is {@code ok}, {@code mismatch}, {@code unlisted}, or {@code none} without a manifest.
     */
    public record FileResult(String file, InstrumentId id, String integrity, int schemaVersion, String checksum,
                             OptionalLong writtenAt, List<SeriesResult> series) {
        public FileResult {
            series = List.copyOf(series);
        }
    }

    /**
     * One bar table: rows, first and last bar, the open gaps (gaps no recorded hole covers; at most
     * {@link Verifier#LISTED_GAPS} listed, all counted), and rows breaking sanity, off the grid, or
     * left unconfirmed after their period ended.
     */
    public record SeriesResult(Bar bar, long rows, OptionalLong first, OptionalLong last, List<Gap> gaps, long gapCount,
                               long missingBars, long insaneRows, long offGridRows, long staleUnconfirmed) {
        public SeriesResult {
            gaps = List.copyOf(gaps);
        }
    }
}
