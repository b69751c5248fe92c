package okxstore.okx;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way out of a connection: each send starts when the previous one has finished, because
 * {@link WebSocket#sendText} throws {@link IllegalStateException} while a send is pending (PITFALLS:
 * a ping timer racing a resubscribe). A failed send does not stop the ones after it. Thread-safe.
 */
final class WsSender {

    private static final Logger LOG = Logger.getLogger(WsSender.class.getName());

    private final WebSocket socket;
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

    WsSender(WebSocket socket, String name) {
        this.socket = socket;
        this.name = name;
    }

    /** Queues a whole text message; the future completes when it has been handed to the socket. */
    CompletableFuture<?> sendText(String text) {
        return chain(ws -> ws.sendText(text, true), "text");
    }

    /** Queues a close frame after what is already queued. */
    CompletableFuture<?> sendClose(int code, String reason) {
        return chain(ws -> ws.sendClose(code, reason), "close");
    }

    private CompletableFuture<?> chain(Function<WebSocket, CompletableFuture<WebSocket>> send, String what) {
        lock.lock();
        try {
            CompletableFuture<?> next = last.handle((ok, failed) -> null).thenCompose(ignored -> send.apply(socket));
            next.whenComplete((ok, failed) -> {
                if (failed != null) {
                    LOG.log(Level.FINE, () -> name + ": sending " + what + " failed: " + failed);
                }
            });
            last = next;
            return next;
        } finally {
            lock.unlock();
        }
    }
}
