package okxstore;

import java.util.List;

/**
 * The live engine of a started store, in {@link OkxStore#status()}.
 *
 * @param subscriptions series subscribed on the WebSocket
 * @param polling       series polled over REST now (their socket is unhealthy, or they are configured to poll)
 * @param fallbacks     times a series fell back from the socket to polling
 * @param reconnects    WebSocket reconnects
 * @param pushes        candles pushed over the WebSocket
 * @param restTasks     REST passes the engine ran (syncs, repairs, polls, closing-bar checks)
 * @param connections   WebSocket connections
 * @param connected     of those, connections that are up
 * @param recentErrors  the last few errors, oldest first
 */
public record EngineStatus(long subscriptions, long polling, long fallbacks, long reconnects, long pushes,
                           long restTasks, int connections, int connected, List<String> recentErrors) {

    /** Copies the error list. */
    public EngineStatus {
        recentErrors = List.copyOf(recentErrors);
    }
}
