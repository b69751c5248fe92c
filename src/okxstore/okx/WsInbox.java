package okxstore.okx;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * The dispatcher's queue. Control inputs (API calls, opens, closes, ticks: a handful per connection)
 * always go in; socket messages take one of {@code capacity} slots, and a message finding none is
 * parked with its socket's {@code request(1)} until the dispatcher frees a slot. A slow consumer thus
 * stops the reading of sockets, not the growth of memory, and no socket callback ever blocks.
 * Thread-safe: any thread offers, one dispatcher thread takes.
 */
final class WsInbox {

    private record Parked(WsInput.Text message, Runnable onQueued) {
    }

    private final LinkedBlockingQueue<WsInput> queue = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Parked> parked = new ConcurrentLinkedQueue<>();
    private final Semaphore slots;

    WsInbox(int capacity) {
        this.slots = new Semaphore(capacity);
    }

    void control(WsInput input) {
        queue.add(input);
    }

    /**
     * Queues a socket message, then runs {@code onQueued} (the socket's {@code request(1)}): at once
     * when a slot is free, else on the thread that frees one.
     */
    void message(WsInput.Text message, Runnable onQueued) {
        if (slots.tryAcquire()) {
            queue.add(message);
            onQueued.run();
            return;
        }
        parked.add(new Parked(message, onQueued));
        unpark(); // a slot may have been freed between tryAcquire and add
    }

    WsInput take() throws InterruptedException {
        return queue.take();
    }

    /** The next input if one is waiting, else null. */
    WsInput poll() {
        return queue.poll();
    }

    /** The dispatcher is done with a message: its slot goes to a parked message, if any. */
    void done(WsInput.Text message) {
        slots.release();
        unpark();
    }

    /** Slots free now; for tests. */
    int freeSlots() {
        return slots.availablePermits();
    }

    private void unpark() {
        while (!parked.isEmpty() && slots.tryAcquire()) {
            Parked p = parked.poll();
            if (p == null) {
                slots.release(); // another thread took it; look again, one may have been parked meanwhile
                continue;
            }
            queue.add(p.message());
            p.onQueued().run();
        }
    }
}
