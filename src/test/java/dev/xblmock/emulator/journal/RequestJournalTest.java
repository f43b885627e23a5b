package dev.xblmock.emulator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import dev.xblmock.emulator.config.EmulatorProperties;
import org.junit.jupiter.api.Test;

class RequestJournalTest {

    private static RequestJournal journal(int capacity, boolean controlPlane) {
        return new RequestJournal(new EmulatorProperties(null, new EmulatorProperties.ControlPlane(controlPlane, 1024, null),
                new EmulatorProperties.Journal(capacity, 8, 10_000), new EmulatorProperties.Faults(java.time.Duration.ofMinutes(1))));
    }

    private static void record(RequestJournal journal, String id) {
        journal.record(journal.begin(), id, 0, "GET", "/global/scids/S", null, 200, 0, null, null);
        journal.end();
    }

    private static List<String> ids(RequestJournal journal, int limit) {
        return journal.newestFirst(e -> true, limit).stream().map(RequestJournal.Entry::id).toList();
    }

    @Test
    void wrapsAroundKeepingTheNewest() {
        RequestJournal journal = journal(3, true);
        for (int i = 1; i <= 7; i++) {
            record(journal, "r" + i);
        }
        assertThat(ids(journal, 10)).containsExactly("r7", "r6", "r5");
        assertThat(ids(journal, 2)).containsExactly("r7", "r6");
    }

    @Test
    void resetHidesEverythingRecordedBefore() {
        RequestJournal journal = journal(4, true);
        record(journal, "old");
        journal.reset();
        assertThat(ids(journal, 10)).isEmpty();
        record(journal, "new");
        assertThat(ids(journal, 10)).containsExactly("new");
    }

    @Test
    void disabledWithCapacityZeroOrWithoutControlPlane() {
        RequestJournal zero = journal(0, true);
        record(zero, "x");
        assertThat(zero.enabled()).isFalse();
        assertThat(ids(zero, 10)).isEmpty();
        assertThat(journal(10, false).enabled()).isFalse();
        assertThatThrownBy(() -> journal(-1, true)).hasMessageContaining("xblmock.journal.capacity");
    }

    @Test
    void concurrentWritersLoseNothingWithinCapacity() throws InterruptedException {
        RequestJournal journal = journal(10_000, true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.execute(() -> LongStream.range(0, 2_000).forEach(i -> record(journal, thread + "-" + i)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        List<RequestJournal.Entry> entries = journal.newestFirst(e -> true, Integer.MAX_VALUE);
        assertThat(entries).hasSize(8_000);
        assertThat(entries.stream().map(RequestJournal.Entry::id).distinct().count()).isEqualTo(8_000);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).sequence()).isLessThan(entries.get(i - 1).sequence());
        }
    }

    /** A request that finishes 100 ms after the read began: the read (and a reset) waited for it. */
    private static Thread finishLater(RequestJournal journal, String id) {
        long sequence = journal.begin();
        Thread finisher = new Thread(() -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            journal.record(sequence, id, 0, "GET", "/global/scids/S", null, 200, 0, null, null);
            journal.end();
        });
        finisher.start();
        return finisher;
    }

    @Test
    void aReadWaitsForTheRequestsInFlight() throws InterruptedException {
        RequestJournal journal = journal(10, true);
        Thread finisher = finishLater(journal, "late");

        List<RequestJournal.Entry> entries = JournalQuery.parse(null, null, null, null).select(journal);

        assertThat(entries).extracting(RequestJournal.Entry::id).containsExactly("late");
        finisher.join();
    }

    @Test
    void aResetWaitsForTheRequestsInFlightSoTheyDoNotShowUpAfterIt() throws InterruptedException {
        RequestJournal journal = journal(10, true);
        Thread finisher = finishLater(journal, "late");

        journal.reset();

        finisher.join();
        assertThat(ids(journal, 10)).isEmpty();
    }

    @Test
    void aRequestHeldLongerCostsAReadHalfASecondAtMost() {
        RequestJournal journal = journal(10, true);
        journal.begin(); // never ends, like a request held by a long delay fault
        record(journal, "done");

        long started = System.nanoTime();
        List<RequestJournal.Entry> entries = JournalQuery.parse(null, null, null, null).select(journal);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(entries).extracting(RequestJournal.Entry::id).containsExactly("done");
        assertThat(waitedMillis).isBetween(500L, 5_000L);
    }

    /** A download written asynchronously finishes after requests that came later: it keeps its place. */
    @Test
    void entriesKeepTheOrderTheirRequestsArrivedIn() {
        RequestJournal journal = journal(10, true);
        long first = journal.begin();
        record(journal, "second");
        journal.record(first, "first", 0, "GET", "/global/scids/S", null, 200, 0, null, null);
        journal.end();

        assertThat(ids(journal, 10)).containsExactly("second", "first");
    }

    @Test
    void aRequestFinishingAfterItsSlotWentToANewerOneIsDroppedNotWrittenOverIt() {
        RequestJournal journal = journal(2, true);
        long oldest = journal.begin();
        record(journal, "b");
        record(journal, "c"); // takes the oldest request's slot

        journal.record(oldest, "a", 0, "GET", "/global/scids/S", null, 200, 0, null, null);
        journal.end();

        assertThat(ids(journal, 10)).containsExactly("c", "b");
    }
}
