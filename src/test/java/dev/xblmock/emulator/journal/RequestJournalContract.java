package dev.xblmock.emulator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.xblmock.common.identity.Xuid;
import dev.xblmock.emulator.config.EmulatorProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every request journal does, in one process or shared by the instances of a cluster: one subclass per
 * implementation. {@link #sameJournal()} is a second instance on the same journal (the same object in one process).
 */
public abstract class RequestJournalContract {

    protected RequestJournal journal;
    private final List<RequestJournal> started = new CopyOnWriteArrayList<>();

    /** A new, empty journal of this capacity. */
    protected abstract RequestJournal newJournal(int capacity);

    /** Another instance on the same journal as {@link #journal}. */
    protected abstract RequestJournal sameJournal();

    /** Starts what feeds {@code journal}'s live stream (nothing to start in one process). */
    protected void startStream(RequestJournal journal) {
    }

    /** Stops it again. */
    protected void stopStream(RequestJournal journal) {
    }

    protected static EmulatorProperties properties(int capacity) {
        return new EmulatorProperties(null, new EmulatorProperties.ControlPlane(true, 1024, null),
                new EmulatorProperties.Journal(capacity, 8, 10_000), new EmulatorProperties.Faults(Duration.ofMinutes(1)));
    }

    @AfterEach
    void stopStreams() {
        started.forEach(this::stopStream);
    }

    private static void record(RequestJournal journal, long sequence, String id) {
        journal.record(sequence, id, 1_700_000_000_123L, "GET", "/users/xuid(1)/scids/S/stats/a", "x=1", 404,
                3_000_000, Xuid.parse("18446744073709551615"), "NoSuchRoute");
        journal.end();
    }

    private static List<String> ids(RequestJournal journal) {
        return journal.newestFirst(entry -> true, Integer.MAX_VALUE).stream().map(RequestJournal.Entry::id).toList();
    }

    @Test
    void entriesKeepWhatWasRecorded() {
        journal = newJournal(10);
        record(journal, journal.begin(), "r1");

        RequestJournal.Entry entry = sameJournal().newestFirst(e -> true, 1).get(0);
        assertThat(entry).isEqualTo(new RequestJournal.Entry(entry.sequence(), "r1", 1_700_000_000_123L, "GET",
                "/users/xuid(1)/scids/S/stats/a", "x=1", 404, 3_000_000, Xuid.parse("18446744073709551615"),
                "NoSuchRoute"));
    }

    @Test
    void everyInstancesRequestsNewestFirstInTheOrderTheyArrived() {
        journal = newJournal(10);
        RequestJournal other = sameJournal();
        long first = journal.begin();
        long second = other.begin();
        long third = journal.begin();
        record(other, second, "second");
        record(journal, third, "third");
        record(journal, first, "first"); // finished last, arrived first

        assertThat(ids(journal)).containsExactly("third", "second", "first");
        assertThat(ids(other)).containsExactly("third", "second", "first");
        assertThat(journal.size()).isEqualTo(3);
    }

    @Test
    void boundedByTheCapacityKeepingTheNewest() {
        journal = newJournal(3);
        RequestJournal other = sameJournal();
        for (int i = 1; i <= 7; i++) {
            RequestJournal instance = i % 2 == 0 ? other : journal;
            record(instance, instance.begin(), "r" + i);
        }
        assertThat(ids(journal)).containsExactly("r7", "r6", "r5");
        assertThat(journal.newestFirst(e -> !e.id().equals("r6"), 2)).extracting(RequestJournal.Entry::id)
                .containsExactly("r7", "r5");
    }

    @Test
    void aResetOnOneInstanceEmptiesItForAll() {
        journal = newJournal(10);
        RequestJournal other = sameJournal();
        record(journal, journal.begin(), "before");
        long inFlight = journal.begin(); // (a reset waits half a second at most for it)

        other.reset();
        record(journal, inFlight, "arrived before the reset");
        record(other, other.begin(), "after");

        assertThat(ids(journal)).containsExactly("after");
    }

    @Test
    void theLiveStreamOfOneInstanceShowsTheRequestsOfAll() throws Exception {
        journal = newJournal(10);
        RequestJournal other = sameJournal();
        List<String> streamed = new CopyOnWriteArrayList<>();
        journal.tap(entry -> streamed.add(entry.id()));
        startStream(journal);
        started.add(journal);
        record(other, other.begin(), "elsewhere");
        record(journal, journal.begin(), "here");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (streamed.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300); // nothing is delivered twice
        assertThat(streamed).containsExactlyInAnyOrder("elsewhere", "here");
    }
}
