package okxstore.cli;

import java.io.PrintWriter;
import java.util.Locale;

import okxstore.candle.Candle;
import okxstore.candle.Decimals;
import okxstore.store.StoredCandle;

/**
 * Writes candles as table, csv, tsv, jsonl or json, one row at a time (output streams; nothing is
 * held). {@code query} prints the candle's fields; {@code export} adds the instrument, bar, source
 * and {@code updated_at} so that {@code import} can read the file back exactly. Stops quietly when
 * the reader has gone ({@code | head}): {@link #broken()} tells the caller to stop.
 */
final class CandleFormat {
    enum Kind { TABLE, CSV, TSV, JSONL, JSON }

    private static final String[] QUERY_COLUMNS =
        {"ts", "open", "high", "low", "close", "vol", "vol_ccy", "vol_ccy_quote", "confirmed"};

    private final PrintWriter out;
    private final Kind kind;
    private final boolean isoTime;
    private final boolean header;
    private final boolean export;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;
    private boolean broken;

    CandleFormat(PrintWriter out, Kind kind, boolean isoTime, boolean header, boolean export) {
        this.out = out;
        this.kind = kind;
        this.isoTime = isoTime;
        this.header = header;
        this.export = export;
    }

    static Kind kind(String name) {
        try {
            return Kind.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("unknown format '" + name + "' (table, csv, tsv, jsonl, json)");
        }
    }

    static String[] columns(boolean export) {
        if (!export) {
            return QUERY_COLUMNS.clone();
        }
        return new String[] {"inst_id", "bar", "ts", "open", "high", "low", "close", "vol", "vol_ccy", "vol_ccy_quote",
            "confirmed", "source", "updated_at"};
    }

    void begin() {
        if (kind == Kind.JSON) {
            out.write("[");
        } else if (header && kind != Kind.JSONL) {
            String[] cols = columns(export);
            line.setLength(0);
            for (int i = 0; i < cols.length; i++) {
                if (i > 0) {
                    separator();
                }
                cell(cols[i], i);
            }
            emit();
        }
    }

    void row(StoredCandle s) {
        line.setLength(0);
        Candle c = s.candle();
        if (kind == Kind.JSON || kind == Kind.JSONL) {
            if (kind == Kind.JSON) {
                line.append(rows == 0 ? "\n" : ",\n");
            }
            line.append('{');
            if (export) {
                line.append("\"inst_id\":\"").append(s.id().value()).append("\",\"bar\":\"").append(s.bar().okxName())
                    .append("\",");
            }
            line.append("\"ts\":");
            if (isoTime) {
                line.append('"');
                IsoTime.append(line, c.ts());
                line.append('"');
            } else {
                line.append(c.ts());
            }
            jsonNumber("open", c.open());
            jsonNumber("high", c.high());
            jsonNumber("low", c.low());
            jsonNumber("close", c.close());
            jsonNumber("vol", c.vol());
            jsonNumber("vol_ccy", c.volCcy());
            jsonNumber("vol_ccy_quote", c.volCcyQuote());
            line.append(",\"confirmed\":").append(c.confirmed());
            if (export) {
                line.append(",\"source\":\"").append(s.source()).append("\",\"updated_at\":").append(s.updatedAt());
            }
            line.append('}');
            if (kind == Kind.JSONL) {
                emit();
            } else {
                out.write(line.toString());
            }
        } else {
            int col = 0;
            if (export) {
                cell(s.id().value(), col++);
                separator();
                cell(s.bar().okxName(), col++);
                separator();
            }
            StringBuilder t = new StringBuilder(24);
            if (isoTime) {
                IsoTime.append(t, c.ts());
            } else {
                t.append(c.ts());
            }
            cell(t.toString(), col++);
            for (double v : new double[] {c.open(), c.high(), c.low(), c.close(), c.vol(), c.volCcy(), c.volCcyQuote()}) {
                separator();
                cell(Decimals.format(v), col++);
            }
            separator();
            cell(c.confirmed() ? "1" : "0", col++);
            if (export) {
                separator();
                cell(s.source(), col++);
                separator();
                cell(Long.toString(s.updatedAt()), col);
            }
            emit();
        }
        rows++;
        if ((rows & 1023) == 0 && out.checkError()) {
            broken = true;
        }
    }

    void end() {
        if (kind == Kind.JSON) {
            out.write(rows == 0 ? "]\n" : "\n]\n");
        }
        out.flush();
        broken |= out.checkError();
    }

    boolean broken() {
        return broken;
    }

    private void jsonNumber(String name, double v) {
        line.append(",\"").append(name).append("\":");
        Decimals.append(line, v);
    }

    private void separator() {
        switch (kind) {
            case CSV -> line.append(',');
            case TSV -> line.append('\t');
            default -> line.append("  ");
        }
    }

    private void cell(String value, int col) {
        if (kind != Kind.TABLE) {
            line.append(value);
            return;
        }
        int width = export ? 0 : col == 0 ? (isoTime ? 20 : 13) : col == 8 ? 9 : 14;
        if (col == 0 || value.chars().anyMatch(Character::isLetter) && col != 8) {
            line.append(value);
            line.append(" ".repeat(Math.max(0, width - value.length())));
        } else {
            line.append(" ".repeat(Math.max(0, width - value.length()))).append(value);
        }
    }

    private void emit() {
        line.append('\n');
        out.write(line.toString());
    }
}
