package dev.xblmock.cluster.state;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.xblmock.userstats.RateLimiter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sliding-window rate limiting counted across every instance of the cluster, with the semantics of the
 * in-process limiter: a request is admitted when, in every window, fewer than {@code maxRequests} admitted
 * requests of that caller fall within the last {@code period}; refused requests are not counted. A caller's row in
 * {@code rate_limit_caller} holds the times of its last admitted requests (newest first, as many as the largest
 * window counts); one upsert decides and records atomically, as PostgreSQL re-reads a row it had to wait for.
 *
 * <p>Times come from each instance's clock, so the instances' clocks must agree (NTP) to well within a window.
 * Callers idle for longer than the longest window are deleted now and then, which bounds the table by the callers
 * active in that time.
 */
public class ClusterRateLimiter implements RateLimiter {

    private static final int SWEEP_EVERY = 1024;

    private final JdbcClient jdbc;
    private final List<Window> windows;
    private final Clock clock;
    private final String decide;
    private final long longestPeriodMillis;
    private final AtomicInteger calls = new AtomicInteger();

    public ClusterRateLimiter(DataSource dataSource, List<Window> windows, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.windows = List.copyOf(windows);
        this.clock = clock;
        int kept = windows.stream().mapToInt(Window::maxRequests).max().orElseThrow();
        // the limits are integers from the validated configuration, written into the statement once (the slice's
        // colon stands apart so that it is not read as a named parameter)
        String refused = windows.stream()
                .map(w -> "(cardinality(c.admissions) >= %d AND c.admissions[%d] > :now - %d)"
                        .formatted(w.maxRequests(), w.maxRequests(), w.period().toMillis()))
                .collect(Collectors.joining(" OR ", "(", ")"));
        this.decide = """
                INSERT INTO rate_limit_caller AS c (caller, admissions, admitted)
                VALUES (:caller, ARRAY[:now]::bigint[], true)
                ON CONFLICT (caller) DO UPDATE SET
                    admitted = NOT %1$s,
                    admissions = CASE WHEN %1$s THEN c.admissions
                                      ELSE ARRAY[:now]::bigint[] || c.admissions[1 : %2$d] END
                RETURNING admitted, CASE WHEN admitted THEN NULL ELSE admissions END AS admissions"""
                .formatted(refused, kept - 1);
        this.longestPeriodMillis = windows.stream().mapToLong(w -> w.period().toMillis()).max().orElseThrow();
    }

    @Override
    public Optional<Refusal> tryAcquire(String caller) {
        long now = clock.millis();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            jdbc.sql("DELETE FROM rate_limit_caller WHERE admissions[1] <= ?").param(now - longestPeriodMillis).update();
        }
        Decision decision = jdbc.sql(decide).param("caller", caller).param("now", now)
                .query((rs, row) -> new Decision(rs.getBoolean("admitted"),
                        rs.getBoolean("admitted") ? null : longs(rs.getArray("admissions"))))
                .single();
        return decision.admitted() ? Optional.empty() : refusal(decision.admissions(), now);
    }

    /** The window demanding the longest wait, from the admissions that refused the request (sent only then). */
    private Optional<Refusal> refusal(Long[] admissions, long now) {
        Refusal refusal = null;
        for (Window window : windows) {
            if (admissions.length < window.maxRequests()) {
                continue;
            }
            long waitMillis = admissions[window.maxRequests() - 1] + window.period().toMillis() - now;
            if (waitMillis > 0) {
                long retryAfter = Math.max(1, (waitMillis + 999) / 1000);
                if (refusal == null || retryAfter > refusal.retryAfterSeconds()) {
                    refusal = new Refusal(window, window.maxRequests() + 1, retryAfter);
                }
            }
        }
        return Optional.ofNullable(refusal);
    }

    @Override
    public void reset() {
        jdbc.sql("DELETE FROM rate_limit_caller").update();
    }

    private record Decision(boolean admitted, Long[] admissions) {
    }

    private static Long[] longs(Array array) throws SQLException {
        try {
            return (Long[]) array.getArray();
        } finally {
            array.free();
        }
    }
}
