package okxstore.store;

import java.util.List;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/**
 * What an import did (or, in a dry run, would do) per instrument and bar, and the one-line reason
 * of each source file it refused ({@code FILE line N: ...}, a checksum mismatch, ...). Immutable.
 */
public record ImportReport(List<Series> series, List<String> failures) {
    /** Rows of one series: new ones, replaced ones (the upsert rule let them win), and ones that changed nothing. */
    public record Series(InstrumentId id, Bar bar, long added, long replaced, long unchanged) {
    }

    public ImportReport {
        series = List.copyOf(series);
        failures = List.copyOf(failures);
    }

    /** True when no source file was refused. */
    public boolean ok() {
        return failures.isEmpty();
    }
}
