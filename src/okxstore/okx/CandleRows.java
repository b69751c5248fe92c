package okxstore.okx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okxstore.candle.Candle;

/**
 * Decoder of OKX candle messages into {@link Candle}s: REST pages ({@code {"code":"0","msg":"",
 * "data":[[...]]}}) and WebSocket pushes ({@code {"arg":{...},"data":[[...]]}}). The {@code decode}
 * methods are the hot path, a hand-written scanner that throws {@link Mismatch} on anything it does
 * not expect; {@link #pageOf} and {@link #pushOf} read the general parser's values instead and say
 * what is wrong. Rows are read by index, extra trailing columns ignored; a bad row is skipped and
 * counted, never the whole message. Stateless, thread-safe.
 */
public final class CandleRows {

    /** A REST answer: OKX's code and message, the good rows in the order sent, and the rows skipped. */
    public record Page(String code, String msg, List<Candle> rows, int skipped, String firstProblem) {
        public boolean ok() {
            return "0".equals(code);
        }
    }

    /** A candle push of one channel and instrument: the good rows in the order sent, and the rows skipped. */
    public record Push(String channel, String instId, List<Candle> rows, int skipped, String firstProblem) {
    }

    /** The fast decoder met something it does not handle; parse the text with the general parser instead. */
    public static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Mismatch(String reason, int offset) {
            super(reason + " at offset " + offset, null, false, false);
        }
    }

    private CandleRows() {
    }

    /** A REST candle page; throws {@link Mismatch} when the text needs the general parser. */
    public static Page decodePage(String text) {
        return new CandleScanner(text).page();
    }

    /** A candle push ({@code candle*}, {@code mark-price-candle*}, {@code index-candle*}); {@link Mismatch} otherwise. */
    public static Push decodePush(String text) {
        return new CandleScanner(text).push();
    }

    /** A REST candle page from {@code Json.parse}'s values; IllegalArgumentException when it is no envelope. */
    public static Page pageOf(Object json) {
        Envelope envelope = Envelope.of(json);
        RowSink sink = new RowSink();
        if (envelope.data() instanceof List<?> rows) {
            addRows(sink, rows, RowSink.CANDLE_FIELDS);
        } else if (envelope.ok()) {
            throw new IllegalArgumentException("data is not an array");
        }
        return new Page(envelope.code(), envelope.msg(), sink.rows(), sink.skipped(), sink.firstProblem());
    }

    /** A candle push from {@code Json.parse}'s values; IllegalArgumentException when it is not one. */
    public static Push pushOf(Object json) {
        if (!(json instanceof Map<?, ?> map) || !(map.get("arg") instanceof Map<?, ?> arg)
            || !(map.get("data") instanceof List<?> rows)) {
            throw new IllegalArgumentException("not a candle push");
        }
        String channel = Envelope.scalar(arg.get("channel"));
        String instId = Envelope.scalar(arg.get("instId"));
        int width = channel == null ? -1 : fieldsOf(channel);
        if (instId == null || width < 0) {
            throw new IllegalArgumentException("not a candle channel: " + channel);
        }
        RowSink sink = new RowSink();
        addRows(sink, rows, width);
        return new Push(channel, instId, sink.rows(), sink.skipped(), sink.firstProblem());
    }

    /** Fields per row of a channel: 9 for {@code candle*}, 6 for mark-price and index candles, -1 for others. */
    static int fieldsOf(String channel) {
        if (channel.startsWith("candle")) {
            return RowSink.CANDLE_FIELDS;
        }
        return channel.startsWith("mark-price-candle") || channel.startsWith("index-candle") ? RowSink.PRICE_FIELDS : -1;
    }

    private static void addRows(RowSink sink, List<?> rows, int width) {
        for (Object row : rows) {
            if (!(row instanceof List<?> fields)) {
                sink.addBroken("not an array");
                continue;
            }
            List<String> texts = new ArrayList<>(fields.size());
            for (Object field : fields) {
                String s = Envelope.scalar(field);
                if (s == null) {
                    break;
                }
                texts.add(s);
            }
            if (texts.size() < Math.min(fields.size(), width)) {
                sink.addBroken("field " + texts.size() + " is not a string");
            } else {
                sink.add(texts, width);
            }
        }
    }
}
