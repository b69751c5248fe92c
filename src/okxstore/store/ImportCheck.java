package okxstore.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;

/** The checks an import runs on a source before writing any of it. Stateless. */
final class ImportCheck {
    private ImportCheck() {
    }

    /**
     * Checks a database before anything of it is written: a schema this okx-store can read, the
     * instrument its name says, and every row sane and on its bar's grid.
     */
    static void database(ImportDatabase source, InstrumentId id, ImportTarget target, int pageRows)
        throws StoreException {
        int version = source.schemaVersion();
        if (version > Schema.CURRENT_VERSION) {
            throw new ImportException(source.name() + ": schema version " + version + " is newer than this okx-store"
                + " knows (" + Schema.CURRENT_VERSION + "): use a newer okx-store");
        }
        Optional<String> holds = source.metaInstrument();
        if (holds.isPresent() && !holds.get().equals(id.value())) {
            throw new ImportException(source.name() + ": holds " + holds.get() + " (its meta table says so), not "
                + id);
        }
        for (Bar bar : source.bars()) {
            VerifyGrid grid = grid(target, bar, source.anchor(bar));
            long after = Long.MIN_VALUE;
            for (List<StoredCandle> page; !(page = source.page(id, bar, after, pageRows)).isEmpty(); ) {
                for (StoredCandle row : page) {
                    String why = row.candle().insanity();
                    if (why == null && !grid.isOn(row.ts())) {
                        why = "not " + grid.describe();
                    }
                    if (why != null) {
                        throw new ImportException(source.name() + ": " + bar + " bar at "
                            + Instant.ofEpochMilli(row.ts()) + ": " + why);
                    }
                }
                after = page.get(page.size() - 1).ts();
            }
        }
    }

    /** The grid rows must be on: the bar's own, or for 2D/3D that of the stored rows, else {@code fallback}'s. */
    static VerifyGrid grid(ImportTarget target, Bar bar, OptionalLong fallback) throws StoreException {
        if (!VerifyGrid.anchoredByData(bar)) {
            return VerifyGrid.standard(bar);
        }
        OptionalLong anchor = target.anchor(bar);
        anchor = anchor.isPresent() ? anchor : fallback;
        return anchor.isPresent() ? new VerifyGrid(bar, anchor.getAsLong()) : VerifyGrid.standard(bar);
    }
}
