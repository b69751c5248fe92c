package okxstore.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import okxstore.candle.Bar;
import okxstore.candle.InstrumentId;
import okxstore.config.Settings;
import okxstore.fake.FakeOkx;
import okxstore.fake.TruthCheck;
import okxstore.okx.OkxRest;
import okxstore.okx.RateLimits;
import okxstore.store.StoredCandle;

/** Wires a store's writing side to a fake OKX for sync tests, on the fake's clock. */
final class SyncFixture {
    private SyncFixture() {
    }

    /** Settings for a data directory whose store talks to {@code fake}, with fast retries and extra keys. */
    static Settings settings(FakeOkx fake, Path dataDir, Map<String, String> extra) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("okx.rest.url", fake.baseUrl());
        flags.put("rest.backoff.base.ms", "5");
        flags.put("rest.backoff.max.ms", "50");
        flags.put("rest.timeout.seconds", "2");
        flags.putAll(extra);
        return Settings.resolve(null, dataDir, Map.of(), flags);
    }

    static StoreServices open(FakeOkx fake, Settings settings) throws IOException {
        return StoreServices.open(settings, "test", okx(fake, settings), fake.clock());
    }

    /** OKX's REST client on the fake, with the fake's clock. */
    static OkxRest okx(FakeOkx fake, Settings settings) {
        var rest = OkxWiring.restSettings(settings);
        return new OkxRest(rest, RateLimits.of(rest), fake.clock(), new SplittableRandom(7));
    }

    static List<StoredCandle> stored(Path dataDir, InstrumentId id, Bar bar) {
        return TruthCheck.stored(dataDir, id, bar);
    }

    static void assertEqualsTruth(FakeOkx fake, Path dataDir, String id, Bar bar, long from, long to) {
        TruthCheck.assertEqualsTruth(fake.truth(), dataDir, id, bar, from, to);
    }
}
