package dev.xblmock.userstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.xblmock.userstats.RateLimiter.Refusal;
import dev.xblmock.userstats.RateLimiter.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} does, in one process or counting across the instances of a cluster: one subclass
 * per implementation. {@link #sameLimiter()} is a second instance on the same state (the same object in one
 * process).
 */
public abstract class RateLimiterContract {

    protected static final class StepClock extends Clock {
        public volatile long millis = 1_000_000;

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    protected final StepClock clock = new StepClock();
    protected final Window burst = new Window(100, Duration.ofSeconds(15));
    protected final Window sustain = new Window(300, Duration.ofSeconds(300));
    protected RateLimiter limiter;

    /** A new limiter with these windows, knowing no caller, on {@link #clock}. */
    protected abstract RateLimiter newLimiter(List<Window> windows);

    /** Another instance counting with {@link #limiter}. */
    protected abstract RateLimiter sameLimiter();

    @BeforeEach
    void createLimiter() {
        limiter = newLimiter(List.of(burst, sustain));
    }

    protected int admit(String caller, int times) {
        int admitted = 0;
        for (int i = 0; i < times; i++) {
            if (limiter.tryAcquire(caller).isEmpty()) {
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void burstOf100Per15Seconds() {
        assertThat(admit("a", 100)).isEqualTo(100);
        clock.millis += 4_200;
        Optional<Refusal> refusal = limiter.tryAcquire("a");
        assertThat(refusal).contains(new Refusal(burst, 101, 11)); // 15 s - 4.2 s, rounded up
        clock.millis += 10_799;
        assertThat(sameLimiter().tryAcquire("a")).contains(new Refusal(burst, 101, 1));
        clock.millis += 1;
        assertThat(limiter.tryAcquire("a")).isEmpty();
    }

    @Test
    void theWindowSlidesRequestByRequest() {
        for (int i = 0; i < 100; i++) {
            assertThat((i % 2 == 0 ? limiter : sameLimiter()).tryAcquire("a")).isEmpty();
            clock.millis += 100; // 100 requests spread over 10 s
        }
        assertThat(limiter.tryAcquire("a")).isPresent();
        clock.millis = 1_000_000 + 15_000; // the first request leaves the window, only that one
        assertThat(sameLimiter().tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isPresent();
        clock.millis += 100;
        assertThat(limiter.tryAcquire("a")).isEmpty();
    }

    @Test
    void sustainOf300Per300SecondsReportsTheLongestWait() {
        for (int round = 0; round < 3; round++) {
            assertThat(admit("a", 100)).isEqualTo(100);
            clock.millis += 15_000;
        }
        // 300 admitted in the last 45 s: the burst window is clear, the sustain one is not
        assertThat(limiter.tryAcquire("a")).contains(new Refusal(sustain, 301, 255));
    }

    @Test
    void refusedRequestsAreNotCounted() {
        admit("a", 100);
        assertThat(admit("a", 50)).isZero();
        clock.millis += 15_000;
        assertThat(admit("a", 100)).isEqualTo(100);
    }

    @Test
    void callersAreCountedSeparately() {
        admit("a", 100);
        assertThat(admit("b", 100)).isEqualTo(100);
        assertThat(limiter.tryAcquire("a")).isPresent();
    }

    @Test
    void resetForgetsEveryone() {
        admit("a", 100);
        sameLimiter().reset();
        assertThat(admit("a", 100)).isEqualTo(100);
    }

    @Test
    void concurrentRequestsOverBothInstancesAreCountedOnce() throws Exception {
        limiter = newLimiter(List.of(new Window(10, Duration.ofSeconds(60))));
        RateLimiter other = sameLimiter();
        List<Callable<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            RateLimiter instance = i % 2 == 0 ? limiter : other;
            requests.add(() -> instance.tryAcquire("xuid:1").isEmpty());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (Callable<Boolean> request : requests) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Boolean> outcome : outcomes) {
                admitted += outcome.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(other.tryAcquire("xuid:1")).contains(new Refusal(new Window(10, Duration.ofSeconds(60)), 11, 60));
    }
}
