package okxstore.fake;

import java.time.InstantSource;
import java.util.Map;
import java.util.Set;

/**
 * {@code /public/instruments} (objects shaped like the 2026 docs sample, API-NOTES §5) and
 * {@code /public/time}. Thread-safe.
 */
final class PublicEndpoints {
    private static final Set<String> TYPES = Set.of("SPOT", "MARGIN", "SWAP", "FUTURES", "OPTION");

    private final CandleTruth truth;
    private final Map<String, FakeInstrument> instruments;
    private final InstantSource clock;

    PublicEndpoints(CandleTruth truth, Map<String, FakeInstrument> instruments, InstantSource clock) {
        this.truth = truth;
        this.instruments = instruments;
        this.clock = clock;
    }

    Reply time() {
        return Reply.ok("[{\"ts\":\"" + clock.millis() + "\"}]");
    }

    Reply instruments(Map<String, String> params) {
        String type = params.get("instType");
        if (type == null || type.isEmpty()) {
            return Reply.missing("instType");
        }
        if (!TYPES.contains(type)) {
            return Reply.badParam("instType");
        }
        String family = params.get("instFamily");
        if (type.equals("OPTION") && (family == null || family.isEmpty())) {
            return Reply.missing("instFamily");
        }
        String instId = params.get("instId");
        StringBuilder sb = new StringBuilder(1024).append('[');
        for (FakeInstrument i : instruments.values()) {
            if (i.known() && i.instType().equals(type) && matches(instId, i.instId()) && matches(family, family(i))) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                appendInstrument(sb, i);
            }
        }
        if (sb.length() == 1 && instId != null && !instId.isEmpty()) {
            return Reply.unknownInstrument(); // HTTP 200 refusal, samples/rest_error_51001_fixture_unattributed.json
        }
        return Reply.ok(sb.append(']'));
    }

    /** An absent or empty filter matches everything. */
    private static boolean matches(String filter, String value) {
        return filter == null || filter.isEmpty() || filter.equals(value);
    }

    private static String family(FakeInstrument i) {
        return i.instType().equals("SPOT") || i.instType().equals("MARGIN") ? "" : i.baseCcy() + "-" + i.quoteCcy();
    }

    private void appendInstrument(StringBuilder sb, FakeInstrument i) {
        boolean spot = i.instType().equals("SPOT") || i.instType().equals("MARGIN");
        String base = i.baseCcy();
        String quote = i.quoteCcy();
        String listTime = Long.toString(i.listTime());
        sb.append('{');
        field(sb, "alias", "").field(sb, "auctionEndTime", "").field(sb, "baseCcy", spot ? base : "")
            .field(sb, "category", "1").field(sb, "ctMult", spot ? "" : "1")
            .field(sb, "ctType", spot ? "" : "linear").field(sb, "ctVal", spot ? "" : "0.01")
            .field(sb, "ctValCcy", spot ? "" : base).field(sb, "contTdSwTime", listTime).field(sb, "expTime", "");
        sb.append("\"futureSettlement\":false,");
        field(sb, "groupId", "1").field(sb, "instFamily", family(i)).field(sb, "instId", i.instId())
            .field(sb, "instType", i.instType()).field(sb, "lever", spot ? "10" : "100")
            .field(sb, "listTime", listTime).field(sb, "lotSz", spot ? "0.00000001" : "0.01")
            .field(sb, "maxIcebergSz", "9999999999.0000000000000000").field(sb, "maxLmtAmt", "1000000")
            .field(sb, "maxLmtSz", "9999999999").field(sb, "maxMktAmt", "1000000").field(sb, "maxMktSz", "")
            .field(sb, "maxStopSz", "").field(sb, "maxTriggerSz", "9999999999.0000000000000000")
            .field(sb, "maxTwapSz", "9999999999.0000000000000000").field(sb, "minSz", spot ? "0.00001" : "0.01")
            .field(sb, "optType", "").field(sb, "openType", "call_auction").field(sb, "preMktSwTime", "")
            .field(sb, "quoteCcy", spot ? quote : "");
        sb.append("\"tradeQuoteCcyList\":").append(spot ? "[\"" + quote + "\"]," : "[],");
        field(sb, "settleCcy", spot ? "" : quote).field(sb, "state", i.state()).field(sb, "ruleType", "normal")
            .field(sb, "stk", "").field(sb, "tickSz", truth.tickSize(i.instId()))
            .field(sb, "uly", spot ? "" : family(i));
        long instIdCode = 1_000_000_000L + Math.floorMod(i.instId().hashCode(), 100_000_000); // a JSON integer
        sb.append("\"instIdCode\":").append(instIdCode).append(',');
        field(sb, "instCategory", "1").field(sb, "initPxLmtPct", "0.05").field(sb, "floatPxLmtPct", "0.03")
            .field(sb, "maxPxLmtPct", "0.15");
        sb.append("\"upcChg\":[]}");
    }

    private PublicEndpoints field(StringBuilder sb, String key, String value) {
        sb.append('"').append(key).append("\":\"").append(value).append("\",");
        return this;
    }
}
