package dev.xblmock.emulator.journal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.xblmock.common.identity.Xuid;
import dev.xblmock.common.storage.ProcessLocalState;
import dev.xblmock.common.storage.Resettable;
import dev.xblmock.emulator.config.EmulatorProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The request journal: the last {@code xblmock.journal.capacity} Xbox requests in a lock-free ring. A request
 * claims a sequence number when it arrives and stores its entry in slot {@code sequence % capacity} when it is
 * over (unless a newer request took the slot meanwhile); a reader walks back from
 * the newest sequence and keeps only slots that still hold the sequence it expects, so a slot being
 * overwritten concurrently is skipped rather than shown twice or out of order.
 *
 * <p>A response can reach its client before the request is recorded (a body that reaches its
 * {@code Content-Length} is sent at once), so reads and resets first wait briefly for the requests in flight:
 * a request whose answer a test already holds is listed, and never shows up after a reset.
 */
@Component
@Conditional(ProcessLocalState.class)
public class RequestJournal implements Resettable {

    /**
     * One journaled request; everything derived (service, operation, formatted time) is computed on read.
     * {@code errorCode} is the {@code code} of the problem+json answered, null for any other answer.
     */
    public record Entry(long sequence, String id, long epochMillis, String method, String path, String query,
                        int status, long durationNanos, Xuid xuid, String errorCode) {

        /** {@code titlestorage}, {@code userstats} or {@code unknown}. */
        public String service() {
            return RequestClassifier.service(path);
        }

        /** {@code upload}, {@code download}, {@code statsBatch}, … or {@code unknown}. */
        public String operation() {
            return RequestClassifier.operation(method, path);
        }
    }

    /** How long a read or reset waits for requests still finishing (normally microseconds). */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(500);

    private final int capacity;
    private final AtomicReferenceArray<Entry> ring;
    private final AtomicLong nextSequence = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Sequences below this were cleared; an in-flight request that started before a clear stays hidden. */
    private volatile long floor;
    /** Sees every recorded entry on the recording thread: it must never block ({@link JournalStream#publish}). */
    private volatile Consumer<Entry> tap = entry -> { };

    public RequestJournal(EmulatorProperties properties) {
        int configured = properties.journal().capacity();
        if (configured < 0) {
            throw new IllegalArgumentException("xblmock.journal.capacity must be 0 (disabled) or positive, not " + configured);
        }
        // without a control plane nobody can read the journal, so it costs nothing
        this.capacity = properties.controlPlane().enabled() ? configured : 0;
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    public boolean enabled() {
        return capacity > 0;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Records the request that {@link #begin()} gave {@code sequence}. Entries keep the order requests arrived in,
     * whenever they finish (a download written asynchronously finishes after requests that came later); an entry
     * finishing after its slot went to a newer request is older than the ring and is dropped.
     */
    public void record(long sequence, String id, long epochMillis, String method, String path, String query,
                       int status, long durationNanos, Xuid xuid, String errorCode) {
        if (capacity == 0) {
            return;
        }
        Entry entry = new Entry(sequence, id, epochMillis, method, path, query, status, durationNanos, xuid, errorCode);
        int slot = slot(sequence);
        Entry current;
        do {
            current = ring.get(slot);
            if (current != null && current.sequence() > sequence) {
                return;
            }
        } while (!ring.compareAndSet(slot, current, entry));
        tap.accept(entry);
    }

    void tap(Consumer<Entry> tap) {
        this.tap = tap;
    }

    /** Hands an entry to the live views; the cluster's journal does so for the entries of every instance. */
    protected final void publish(Entry entry) {
        tap.accept(entry);
    }

    /**
     * A journaled request arrives: its sequence number (its place in the journal, newest first), which its
     * {@link #record} carries; {@link #end()} follows.
     */
    public long begin() {
        inFlight.incrementAndGet();
        return capacity == 0 ? -1 : nextSequence.getAndIncrement();
    }

    public void end() {
        inFlight.decrementAndGet();
    }

    /**
     * Waits until no journaled request is in flight, at most half a second: a request held longer (a delay
     * fault, a slow download) costs a reader no more.
     */
    public void awaitRequestsInFlight() {
        long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
        }
    }

    /** Up to {@code limit} entries accepted by {@code filter}, newest first. */
    public List<Entry> newestFirst(Predicate<Entry> filter, int limit) {
        List<Entry> result = new ArrayList<>(Math.min(limit, capacity));
        long end = nextSequence.get();
        long start = Math.max(floor, end - capacity);
        for (long sequence = end - 1; sequence >= start && result.size() < limit; sequence--) {
            Entry entry = ring.get(slot(sequence));
            if (entry != null && entry.sequence() == sequence && filter.test(entry)) {
                result.add(entry);
            }
        }
        return result;
    }

    /** How many entries the journal holds now. */
    public int size() {
        return newestFirst(entry -> true, capacity).size();
    }

    @Override
    public void reset() {
        awaitRequestsInFlight();
        floor = nextSequence.get();
        for (int i = 0; i < capacity; i++) {
            ring.set(i, null);
        }
    }

    private int slot(long sequence) {
        return (int) (sequence % capacity);
    }
}
