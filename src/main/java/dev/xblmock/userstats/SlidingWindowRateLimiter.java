package dev.xblmock.userstats;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sliding-window rate limiting per caller (SPEC 4.3): a request is admitted when, in every window, fewer
 * than {@code maxRequests} admitted requests of that caller fall within the last {@code period}. Each window
 * keeps the times of the caller's last {@code maxRequests} admitted requests in a ring, so a check is O(1)
 * and memory per caller is fixed; at most {@code maxCallers} callers are tracked, the least recently seen
 * forgotten first. Refused requests are not counted, so a client that waits {@code Retry-After} gets in.
 */
public class SlidingWindowRateLimiter implements RateLimiter {

    /** The admission times of a caller's last {@code times.length} admitted requests in one window. */
    private static final class Ring {
        private final long[] times;
        private int count;
        private int oldest;

        Ring(int capacity) {
            times = new long[capacity];
        }

        boolean full() {
            return count == times.length;
        }

        long oldestTime() {
            return times[oldest];
        }

        void add(long time) {
            if (full()) {
                times[oldest] = time;
                oldest = (oldest + 1) % times.length;
            } else {
                times[(oldest + count) % times.length] = time;
                count++;
            }
        }
    }

    private final List<Window> windows;
    private final Clock clock;
    private final Map<String, Ring[]> callers;

    public SlidingWindowRateLimiter(List<Window> windows, int maxCallers, Clock clock) {
        this.windows = List.copyOf(windows);
        this.clock = clock;
        this.callers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Ring[]> eldest) {
                return size() > maxCallers;
            }
        };
    }

    /** Admits (and counts) the request, or says why not: the window demanding the longest wait. */
    @Override
    public synchronized Optional<Refusal> tryAcquire(String caller) {
        long now = clock.millis();
        Ring[] rings = callers.computeIfAbsent(caller, key -> newRings());
        Refusal refusal = null;
        for (int i = 0; i < windows.size(); i++) {
            Window window = windows.get(i);
            if (!rings[i].full()) {
                continue;
            }
            long waitMillis = rings[i].oldestTime() + window.period().toMillis() - now;
            if (waitMillis > 0) {
                long retryAfter = Math.max(1, (waitMillis + 999) / 1000);
                if (refusal == null || retryAfter > refusal.retryAfterSeconds()) {
                    refusal = new Refusal(window, window.maxRequests() + 1, retryAfter);
                }
            }
        }
        if (refusal != null) {
            return Optional.of(refusal);
        }
        for (Ring ring : rings) {
            ring.add(now);
        }
        return Optional.empty();
    }

    @Override
    public synchronized void reset() {
        callers.clear();
    }

    synchronized int trackedCallers() {
        return callers.size();
    }

    private Ring[] newRings() {
        Ring[] rings = new Ring[windows.size()];
        for (int i = 0; i < rings.length; i++) {
            rings[i] = new Ring(windows.get(i).maxRequests());
        }
        return rings;
    }
}
