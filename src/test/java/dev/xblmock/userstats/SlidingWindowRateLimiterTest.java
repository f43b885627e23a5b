package dev.xblmock.userstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The in-process limiter against the shared contract, and its bound on the callers it tracks. */
class SlidingWindowRateLimiterTest extends RateLimiterContract {

    @Override
    protected RateLimiter newLimiter(List<RateLimiter.Window> windows) {
        return new SlidingWindowRateLimiter(windows, 3, clock);
    }

    @Override
    protected RateLimiter sameLimiter() {
        return limiter;
    }

    @Test
    void theLeastRecentlySeenCallerIsForgotten() {
        SlidingWindowRateLimiter limiter = (SlidingWindowRateLimiter) this.limiter;
        admit("a", 100);
        assertThat(admit("b", 100)).isEqualTo(100);
        admit("c", 1);
        admit("d", 1); // a fourth caller: "a" (least recently seen) is forgotten
        assertThat(limiter.trackedCallers()).isEqualTo(3);
        assertThat(admit("a", 1)).isEqualTo(1);
        assertThat(limiter.tryAcquire("b")).isEmpty(); // "b" was evicted when "a" came back
        limiter.reset();
        assertThat(limiter.trackedCallers()).isZero();
    }
}
