package okxstore.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import okxstore.candle.InstrumentId;
import okxstore.store.StoreReader;

/** Shared plumbing of the reading commands: output format choice and opening the store read-only. */
final class Output {
    private Output() {
    }

    /** The format named by --format, else by the file's extension, else table on a terminal and csv otherwise. */
    static CandleFormat format(Cli cli, Args args, boolean export, PrintWriter out, Path file) {
        CandleFormat.Kind kind;
        if (args.option("format").isPresent()) {
            kind = CandleFormat.kind(args.option("format").get());
        } else if (file != null && file.getFileName().toString().contains(".")) {
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            kind = switch (ext.toLowerCase(java.util.Locale.ROOT)) {
                case "jsonl", "ndjson" -> CandleFormat.Kind.JSONL;
                case "json" -> CandleFormat.Kind.JSON;
                case "tsv", "tab" -> CandleFormat.Kind.TSV;
                default -> CandleFormat.Kind.CSV;
            };
        } else {
            kind = cli.stdoutTerminal && file == null && !export ? CandleFormat.Kind.TABLE : CandleFormat.Kind.CSV;
        }
        String time = args.option("time").orElse("iso");
        if (!time.equals("iso") && !time.equals("ms")) {
            throw CliException.usage("--time takes iso or ms, got '" + time + "'");
        }
        return new CandleFormat(out, kind, time.equals("iso"), !args.flag("no-header"), export);
    }

    /** A read-only store on the data directory, which must hold the instrument's file. */
    static StoreReader openReader(Cli cli, InstrumentId id) {
        Path dir = cli.existingDataDir();
        if (!Files.isRegularFile(dir.resolve(id.fileName()))) {
            throw CliException.failure("no data for " + id + " in " + dir + " (run: okx-store sync " + id + ")");
        }
        return new StoreReader(dir);
    }
}
