package dev.xblmock.emulator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.xblmock.common.error.XblException;
import dev.xblmock.emulator.config.EmulatorProperties;
import org.junit.jupiter.api.Test;

class JournalStreamTest {

    private static JournalStream stream(int subscribers, int queue) {
        var properties = new EmulatorProperties(null, new EmulatorProperties.ControlPlane(true, 1 << 20, null),
                new EmulatorProperties.Journal(100, subscribers, queue), new EmulatorProperties.Faults(Duration.ofMinutes(1)));
        return new JournalStream(new RequestJournal(properties), properties);
    }

    private static RequestJournal.Entry entry(long sequence) {
        return new RequestJournal.Entry(sequence, "id-" + sequence, 0, "GET", "/global/scids/S", null, 200, 0, null, null);
    }

    @Test
    void aBurstIsDeliveredInBatchesInOrder() throws Exception {
        JournalStream stream = stream(2, 10_000);
        List<List<RequestJournal.Entry>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(1);
        try (JournalStream.Subscription subscription = stream.subscribe(batch -> {
            batches.add(batch);
            if (batch.get(batch.size() - 1).sequence() == 999) {
                all.countDown();
            }
        })) {
            for (int i = 0; i < 1000; i++) {
                stream.publish(entry(i));
            }
            assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(batches.size()).as("deliveries for 1000 entries").isBetween(1, 3);
        assertThat(batches.stream().flatMap(List::stream).map(RequestJournal.Entry::sequence).toList())
                .isEqualTo(java.util.stream.LongStream.range(0, 1000).boxed().toList());
    }

    @Test
    void aSubscriberThatFallsBehindIsDroppedWithoutBlockingThePublisher() throws Exception {
        JournalStream stream = stream(2, 4);
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        boolean[] overflowed = new boolean[1];
        stream.subscribe(new JournalStream.Listener() {
            @Override
            public void entries(List<RequestJournal.Entry> batch) throws InterruptedException {
                stuck.await(); // a browser that stopped reading
            }

            @Override
            public void closed(boolean overflow) {
                overflowed[0] = overflow;
                closed.countDown();
            }
        });
        stream.publish(entry(0));
        Thread.sleep(JournalStream.BATCH_INTERVAL.toMillis() * 3); // the sender is now stuck in entries()
        long started = System.nanoTime();
        for (int i = 1; i <= 10_000; i++) {
            stream.publish(entry(i));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("publishing 10,000 entries").isLessThan(Duration.ofSeconds(1));
        assertThat(stream.subscriberCount()).isZero();
        stuck.countDown();
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(overflowed[0]).isTrue();
    }

    @Test
    void subscribersAreBoundedAndClosingFreesASlot() {
        JournalStream stream = stream(1, 10);
        JournalStream.Subscription first = stream.subscribe(batch -> { });
        assertThatThrownBy(() -> stream.subscribe(batch -> { })).isInstanceOfSatisfying(XblException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.headers()).containsEntry("Retry-After", "5");
            assertThat(e.detail()).isEqualTo("1 live request streams are open, the most allowed "
                    + "(xblmock.journal.stream-subscribers); close one or retry later.");
        });
        first.close();
        first.close();
        stream.subscribe(batch -> { }).close();
        stream.stop();
    }

    @Test
    void stoppingTheApplicationEndsEveryStream() throws Exception {
        JournalStream stream = stream(2, 10);
        stream.start();
        CountDownLatch closed = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            stream.subscribe(new JournalStream.Listener() {
                @Override
                public void entries(List<RequestJournal.Entry> batch) {
                }

                @Override
                public void closed(boolean overflowed) {
                    closed.countDown();
                }
            });
        }
        stream.stop();
        assertThat(stream.isRunning()).isFalse();
        assertThat(stream.subscriberCount()).isZero();
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
