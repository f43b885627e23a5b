package dev.xblmock.userstats;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether a caller's request is admitted under sliding windows (SPEC 4.3): {@link SlidingWindowRateLimiter}
 * in this process, or the cluster backend's limiter counting each caller across every instance.
 */
public interface RateLimiter {

    /** A limit: at most {@code maxRequests} per {@code period}. */
    record Window(int maxRequests, Duration period) {
    }

    /** Why a request was refused: the window it broke, the requests it would make, the wait in whole seconds. */
    record Refusal(Window window, int currentRequests, long retryAfterSeconds) {
    }

    /** Admits (and counts) the request, or says why not: the window demanding the longest wait. */
    Optional<Refusal> tryAcquire(String caller);

    /** Forgets every caller. */
    void reset();
}
