package okxstore.store;

import static okxstore.store.StoreFixtures.BTC;
import static okxstore.store.StoreFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import okxstore.candle.Bar;
import okxstore.candle.Candle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by export, read back: the accepted forms, and every bad-row class with its one-line error. */
class ImportTextTest {
    private static final String HEADER =
        "inst_id,bar,ts,open,high,low,close,vol,vol_ccy,vol_ccy_quote,confirmed,source,updated_at";
    private static final String ROW1 =
        "BTC-USDT,1m,2024-01-01T00:00:00Z,77082.7,77090,77000.1,77050,1.5,115000.25,115000.25,1,rest,1704067260001";
    private static final String ROW2 =
        "BTC-USDT,1m,2024-01-01T00:01:00Z,77050,77060,77040,77055,0.000012,0.9,0.9,0,ws,1704067300000";
    @TempDir
    Path dir;
    private final StoreFixtures.ManualClock clock = new StoreFixtures.ManualClock(T0);

    private ImportReport importFile(String name, String content, ImportOptions options) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return new Import(dir.resolve("data"), options, clock, ImportListener.NONE).run(file);
    }

    private ImportReport importFile(String name, String content) throws Exception {
        return importFile(name, content, ImportOptions.defaults());
    }

    private List<StoredCandle> stored1m() throws Exception {
        try (StoreReader r = new StoreReader(dir.resolve("data"))) {
            return r.recent(BTC, Bar.M1, 100);
        }
    }

    private static final List<StoredCandle> EXPECTED = List.of(
        new StoredCandle(BTC, Bar.M1, new Candle(T0, 77082.7, 77090, 77000.1, 77050, 1.5, 115000.25, 115000.25, true),
            "rest", 1704067260001L),
        new StoredCandle(BTC, Bar.M1, new Candle(T0 + 60_000, 77050, 77060, 77040, 77055, 0.000012, 0.9, 0.9, false),
            "ws", 1704067300000L));

    @Test
    void csvWithAHeader_readsEveryFieldExactly() throws Exception {
        ImportReport report = importFile("btc.csv", HEADER + "\n" + ROW1 + "\n" + ROW2 + "\n");
        assertEquals(List.of(new ImportReport.Series(BTC, Bar.M1, 2, 0, 0)), report.series());
        assertEquals(EXPECTED, stored1m());
    }

    @Test
    void theOtherForms_headerless_tsv_msTimes_jsonl_jsonArray_quotes_bomAndCrlf() throws Exception {
        String jsonl = "{\"inst_id\":\"BTC-USDT\",\"bar\":\"1m\",\"ts\":1704067200000,\"open\":77082.7,\"high\":77090,"
            + "\"low\":77000.1,\"close\":77050,\"vol\":1.5,\"vol_ccy\":115000.25,\"vol_ccy_quote\":115000.25,"
            + "\"confirmed\":true,\"source\":\"rest\",\"updated_at\":1704067260001}\n"
            + "{\"inst_id\":\"BTC-USDT\",\"bar\":\"1m\",\"ts\":\"2024-01-01T00:01:00Z\",\"open\":77050,\"high\":77060,"
            + "\"low\":77040,\"close\":77055,\"vol\":0.000012,\"vol_ccy\":0.9,\"vol_ccy_quote\":0.9,"
            + "\"confirmed\":false,\"source\":\"ws\",\"updated_at\":1704067300000}\n";
        List<String[]> forms = List.of(
            new String[] {"a.csv", ROW1 + "\n" + ROW2},
            new String[] {"b.tsv", (HEADER + "\n" + ROW1 + "\n" + ROW2).replace(',', '\t')},
            new String[] {"c.csv", "\uFEFF" + HEADER + "\r\n" + ROW1.replace("2024-01-01T00:00:00Z", "1704067200000")
                + "\r\n\r\n" + ROW2.replace(",ws,", ",\"ws\",") + "\r\n"},
            new String[] {"d.jsonl", jsonl},
            new String[] {"e.json", "[\n" + jsonl.strip().replace("}\n{", "},\n{") + "\n]\n"},
            new String[] {"f-no-extension", jsonl});
        for (String[] form : forms) {
            SnapshotFiles.deleteDatabase(dir.resolve("data").resolve("BTC-USDT.db"));
            ImportReport report = importFile(form[0], form[1]);
            assertTrue(report.ok(), form[0] + ": " + report.failures());
            assertEquals(EXPECTED, stored1m(), form[0]);
        }
    }

    @Test
    void aQueryShapedFile_takesItsSeriesFromOptions_andItsTimeFromTheFile_soARerunChangesNothing() throws Exception {
        String query = "ts,open,high,low,close,vol,vol_ccy,vol_ccy_quote,confirmed\n"
            + "2024-01-01T00:00:00Z,1,2,0.5,1.5,3,4,5,1\n";
        ImportOptions options = ImportOptions.defaults().withSeries(Optional.of(BTC), Optional.of(Bar.M1));
        Path file = dir.resolve("q.csv");
        Files.writeString(file, query);
        Files.setLastModifiedTime(file, FileTime.fromMillis(T0 + 123_456));
        Import first = new Import(dir.resolve("data"), options, clock, ImportListener.NONE);
        assertEquals(List.of(new ImportReport.Series(BTC, Bar.M1, 1, 0, 0)), first.run(file).series());
        Candle candle = new Candle(T0, 1, 2, 0.5, 1.5, 3, 4, 5, true);
        assertEquals(new StoredCandle(BTC, Bar.M1, candle, "import", T0 + 123_456),
            stored1m().get(0));
        Import again = new Import(dir.resolve("data"), options, clock, ImportListener.NONE);
        assertEquals(List.of(new ImportReport.Series(BTC, Bar.M1, 0, 0, 1)), again.run(file).series());
        ImportReport unnamed = importFile("q2.csv", query);
        assertEquals(List.of(dir.resolve("q2.csv") + " line 1: the file does not say which instrument and bar:"
            + " pass --inst ID --bar BAR"), unnamed.failures());
    }

    @Test
    void everyBadRowClass_givesItsOneLineError_andCommitsNothing() throws Exception {
        // 2D bars here open at 00:00 UTC, which is not Bar.openTime's guess for 2D (16:00 UTC)
        assertTrue(importFile("seed.csv", ROW1.replace(",1m,2024-01-01T00:00:00Z,", ",2D,2024-01-02T00:00:00Z,")).ok());
        List<String> before = ImportTest.dump(dir.resolve("data").resolve("BTC-USDT.db"));
        String[][] cases = {
            {"csv", ROW1 + "\n" + ROW2.substring(0, ROW2.lastIndexOf(',')), "line 2: expected 13 fields, found 12"},
            {"csv", HEADER + "\n" + ROW1.replace("77082.7", "77O82.7"), "line 2: open '77O82.7' is not a number"},
            {"csv", HEADER + "\n" + ROW1.replace(",77000.1,", ",77100,"), "line 2: high 77090 is below low 77100"},
            {"csv", ROW1.replace(",77090,", ",77060,"), "line 1: high 77060 is below open or close"},
            {"csv", ROW2 + "\n" + ROW1.replace(",1.5,", ",-1.5,"), "line 2: negative volume"},
            {"csv", ROW1 + "\n" + ROW2.replace("00:01:00Z", "00:01:30Z"),
                "line 2: ts 2024-01-01T00:01:30Z is not a 1m open time"},
            {"csv", ROW1.replace("2024-01-01T00:00:00Z", "yesterday"),
                "line 1: ts 'yesterday' is not a time (ISO-8601 such as 2024-03-01T12:00:00Z, or epoch ms)"},
            {"csv", ROW1.replace(",1,rest,", ",yes,rest,"), "line 1: confirmed 'yes' is not 1, 0, true or false"},
            {"csv", ROW1 + "\n" + ROW2.replace(",1704067300000", ",soon"), "line 2: updated_at 'soon' is not epoch ms"},
            {"csv", "inst_id,bar,ts,open,high,low,close,volume", "line 1: unknown column 'volume'"
                + " (columns: " + HEADER + ")"},
            {"csv", ROW1.replace(",1m,", ",7m,"), "line 1: bar: unknown bar '7m' (valid: " + Bar.validNames() + ")"},
            {"csv", ROW1.replace("BTC-USDT", "BTC;USDT"), "line 1: inst_id: invalid instrument id 'BTC;USDT'"
                + " (expected letters and digits in dash-separated groups, like BTC-USDT)"},
            {"csv", ROW1.replace(",1m,2024-01-01T00:00:00Z,", ",2D,2024-01-01T00:00:00Z,"),
                "line 1: ts 2024-01-01T00:00:00Z is not on the 2D grid of the other 2D bars"},
            {"jsonl", "{\"ts\":1}", "line 1: no 'open' field"},
            {"jsonl",
                "\n\n{\"inst_id\":\"BTC-USDT\",\"bar\":\"1m\",\"ts\":0,\"open\":1,\"high\":1,\"low\":1,\"close\":1,"
                + "\"vol\":1,\"vol_ccy\":1,\"vol_ccy_quote\":1,\"confirmed\":true,\"colour\":\"red\"}",
                "line 3: unknown field 'colour'"},
            {"jsonl", "{\"ts\":", "line 1: not JSON: Unexpected end of input at offset 6"},
        };
        for (String[] c : cases) {
            String name = "bad." + c[0];
            ImportReport report = importFile(name, c[1]);
            assertEquals(List.of(dir.resolve(name) + " " + c[2]), report.failures(), c[1]);
            assertEquals(List.of(), report.series());
            assertEquals(before, ImportTest.dump(dir.resolve("data").resolve("BTC-USDT.db")), c[2]);
            assertEquals(List.of("BTC-USDT.db"), SnapshotTest.names(dir.resolve("data")));
        }
        ImportOptions eth = ImportOptions.defaults().withSeries(Optional.of(StoreFixtures.ETH), Optional.empty());
        assertEquals(List.of(dir.resolve("x.csv") + " line 1: inst_id BTC-USDT differs from --inst ETH-USDT"),
            importFile("x.csv", ROW1, eth).failures());
    }

    @Test
    void twoDayBars_followTheGridOfTheStoredBars_notAnEpochGuess() throws Exception {
        // odd days since the epoch: off Bar.openTime's epoch-anchored guess for 2Dutc
        String odd = ROW1.replace(",1m,2024-01-01T00:00:00Z,", ",2Dutc,2024-01-01T00:00:00Z,");
        String next = ROW1.replace(",1m,2024-01-01T00:00:00Z,", ",2Dutc,2024-01-03T00:00:00Z,");
        assertTrue(!Bar.D2_UTC.isOnGrid(T0));
        ImportReport report = importFile("two.csv", odd + "\n" + next + "\n");
        assertTrue(report.ok(), report.failures().toString());
        assertTrue(Verifier.verify(dir.resolve("data"), List.of()).clean());
    }
}
