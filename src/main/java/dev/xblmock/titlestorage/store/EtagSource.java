package dev.xblmock.titlestorage.store;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.xblmock.titlestorage.domain.Etag;

/**
 * The process-wide ETag counter. Values look like the real service's (.NET ticks: 100 ns since
 * 0001-01-01) and strictly increase, so a blob deleted and re-created gets a greater ETag than before, and
 * a restarted filesystem store (which {@link #advancePast advances} past what it loaded) stays monotonic.
 */
public class EtagSource {

    /** .NET ticks at the Unix epoch. */
    private static final long EPOCH_TICKS = 621_355_968_000_000_000L;

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    public EtagSource(Clock clock) {
        this.clock = clock;
    }

    public Etag next() {
        long now = ticks(clock.instant());
        return new Etag(last.updateAndGet(previous -> Math.max(previous + 1, now)));
    }

    /** Ensures every later ETag is greater than {@code seen}. */
    public void advancePast(Etag seen) {
        last.accumulateAndGet(seen.value(), Math::max);
    }

    private static long ticks(Instant instant) {
        return EPOCH_TICKS + instant.getEpochSecond() * 10_000_000L + instant.getNano() / 100;
    }
}
