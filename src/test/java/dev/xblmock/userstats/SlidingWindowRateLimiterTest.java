package dev.xblmock.userstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.xblmock.userstats.SlidingWindowRateLimiter.Refusal;
import dev.xblmock.userstats.SlidingWindowRateLimiter.Window;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {

    private static final class StepClock extends Clock {
        long millis = 1_000_000;

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

    private final StepClock clock = new StepClock();
    private final Window burst = new Window(100, Duration.ofSeconds(15));
    private final Window sustain = new Window(300, Duration.ofSeconds(300));
    private final SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(List.of(burst, sustain), 3, clock);

    private int admit(String caller, int times) {
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
        assertThat(limiter.tryAcquire("a")).contains(new Refusal(burst, 101, 1));
        clock.millis += 1;
        assertThat(limiter.tryAcquire("a")).isEmpty();
    }

    @Test
    void theWindowSlidesRequestByRequest() {
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.tryAcquire("a")).isEmpty();
            clock.millis += 100; // 100 requests spread over 10 s
        }
        assertThat(limiter.tryAcquire("a")).isPresent();
        clock.millis = 1_000_000 + 15_000; // the first request leaves the window, only that one
        assertThat(limiter.tryAcquire("a")).isEmpty();
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
    void callersAreSeparateAndTheLeastRecentlySeenIsForgotten() {
        admit("a", 100);
        assertThat(admit("b", 100)).isEqualTo(100);
        admit("c", 1);
        admit("d", 1); // a fourth caller: "a" (least recently seen) is forgotten
        assertThat(limiter.trackedCallers()).isEqualTo(3);
        assertThat(admit("a", 1)).isEqualTo(1);
        assertThat(limiter.tryAcquire("b")).isEmpty(); // "b" was evicted when "a" came back
    }

    @Test
    void resetForgetsEveryone() {
        admit("a", 100);
        limiter.reset();
        assertThat(limiter.trackedCallers()).isZero();
        assertThat(admit("a", 100)).isEqualTo(100);
    }
}
