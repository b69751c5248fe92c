package okxstore.sync;

import okxstore.config.Settings;

/**
 * Timing of the hybrid loop, all in ms.
 *
 * @param tickMs            how often the engine decides what REST work is due
 * @param graceMs           a bar's closing push may come this late before the bar is fetched over REST
 * @param silentAfterMs     a subscribed channel without a push this long is polled until pushes flow again
 * @param repairLookbackMs  how far back a repair reaches when the last push time is unknown
 * @param fullSyncEveryMs   how often each series' whole history window is checked again
 */
public record EngineSettings(long tickMs, long graceMs, long silentAfterMs, long repairLookbackMs, long fullSyncEveryMs) {

    public static EngineSettings from(Settings s) {
        return new EngineSettings(250, s.integer("ws.confirm.grace.seconds") * 1000L,
            s.integer("ws.stale.seconds") * 1000L, 86_400_000L, 3_600_000L);
    }
}
