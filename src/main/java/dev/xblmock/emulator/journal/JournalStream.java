package dev.xblmock.emulator.journal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.emulator.config.EmulatorProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The journal as it happens, for live views ({@code GET /_emulator/requests/stream}, the fixture's request
 * listeners). Bounded everywhere: at most {@code xblmock.journal.stream-subscribers} subscribers, each with a
 * queue of {@code xblmock.journal.stream-queue} entries. A recorded request is offered to each queue without
 * blocking; a subscriber whose queue is full has fallen behind and is dropped (told so once), so a slow
 * browser never slows the requests it watches. Each subscriber has its own sender thread, which delivers
 * what arrived in batches at most every {@link #BATCH_INTERVAL}: a thousand requests a second are ten
 * deliveries, not a thousand.
 *
 * <p>Streams end when the application stops, before the web server's graceful shutdown waits for open requests
 * (an open dashboard would otherwise hold every shutdown for the whole grace period).
 */
@Component
public class JournalStream implements SmartLifecycle {

    static final Duration BATCH_INTERVAL = Duration.ofMillis(100);
    /** A subscriber hears at least this often, so a client that went away is noticed by a failed write. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    /** Receives the entries on the subscriber's own thread; an exception ends the subscription. */
    public interface Listener {

        /** Entries recorded since the last batch, oldest first; never empty. */
        void entries(List<RequestJournal.Entry> batch) throws Exception;

        /** Nothing happened for {@link #KEEP_ALIVE}. */
        default void idle() throws Exception {
        }

        /** The subscription ended: {@code overflowed} when this listener fell behind and was dropped. */
        default void closed(boolean overflowed) {
        }
    }

    /** An open subscription; closing it stops deliveries (idempotent). */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final int maxSubscribers;
    private final int queueCapacity;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private volatile boolean running;

    public JournalStream(RequestJournal journal, EmulatorProperties properties) {
        this.maxSubscribers = properties.journal().streamSubscribers();
        this.queueCapacity = properties.journal().streamQueue();
        if (maxSubscribers < 0 || queueCapacity < 1) {
            throw new IllegalArgumentException("xblmock.journal.stream-subscribers must be 0 or more and "
                    + "xblmock.journal.stream-queue at least 1");
        }
        journal.tap(this::publish);
    }

    /** @throws XblException 503 {@code ServiceUnavailable} when every subscriber slot is taken */
    public synchronized Subscription subscribe(Listener listener) {
        if (subscribers.size() >= maxSubscribers) {
            throw new XblException(ErrorCode.SERVICE_UNAVAILABLE, 503, String.format(
                    "%d live request streams are open, the most allowed (xblmock.journal.stream-subscribers); "
                            + "close one or retry later.", maxSubscribers), Map.of("Retry-After", "5"));
        }
        Subscriber subscriber = new Subscriber(listener, new ArrayBlockingQueue<>(queueCapacity));
        subscribers.add(subscriber);
        Thread thread = new Thread(subscriber::run, "xblmock-journal-stream-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        subscriber.thread = thread;
        thread.start();
        return subscriber::close;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Called on the recording request's thread: never blocks. */
    void publish(RequestJournal.Entry entry) {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.queue.offer(entry)) {
                subscriber.overflow();
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream: their responses complete, so no open request holds the shutdown. */
    @Override
    public void stop() {
        running = false;
        subscribers.forEach(Subscriber::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first: the web server's graceful shutdown has a lower phase. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private final class Subscriber {
        final Listener listener;
        final BlockingQueue<RequestJournal.Entry> queue;
        final AtomicBoolean closed = new AtomicBoolean();
        volatile boolean overflowed;
        volatile Thread thread;

        Subscriber(Listener listener, BlockingQueue<RequestJournal.Entry> queue) {
            this.listener = listener;
            this.queue = queue;
        }

        void overflow() {
            overflowed = true;
            close();
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                subscribers.remove(this);
                Thread sender = thread;
                if (sender != null) {
                    sender.interrupt();
                }
            }
        }

        void run() {
            try {
                while (!closed.get()) {
                    RequestJournal.Entry first = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        listener.idle();
                        continue;
                    }
                    Thread.sleep(BATCH_INTERVAL.toMillis()); // let a burst gather into one delivery
                    List<RequestJournal.Entry> batch = new ArrayList<>(queue.size() + 1);
                    batch.add(first);
                    queue.drainTo(batch);
                    if (!closed.get()) {
                        listener.entries(batch);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // the listener failed (a browser went away): end its subscription
            } finally {
                close();
                queue.clear();
                listener.closed(overflowed);
            }
        }
    }
}
