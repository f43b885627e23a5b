package dev.xblmock.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import dev.xblmock.userstats.RateLimiter;
import dev.xblmock.userstats.RateLimiterContract;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cluster's rate limiter against the shared contract: two instances on one database. */
class ClusterRateLimiterTest extends RateLimiterContract {

    private DataSource database;
    private List<RateLimiter.Window> windows;

    @Override
    protected RateLimiter newLimiter(List<RateLimiter.Window> windows) {
        if (database == null) {
            database = SharedStateDatabase.fresh();
        }
        this.windows = windows;
        RateLimiter limiter = new ClusterRateLimiter(database, windows, clock);
        limiter.reset();
        return limiter;
    }

    @Override
    protected RateLimiter sameLimiter() {
        return new ClusterRateLimiter(database, windows, clock);
    }

    @Test
    void aCallerKeepsOnlyAsManyAdmissionsAsTheLargestWindowCounts() {
        for (int round = 0; round < 4; round++) {
            assertThat(admit("a", 100)).isEqualTo(100);
            clock.millis += 301_000; // past both windows
        }
        Integer kept = JdbcClient.create(database)
                .sql("SELECT cardinality(admissions) FROM rate_limit_caller WHERE caller = 'a'").query(Integer.class).single();
        assertThat(kept).isEqualTo(300);
    }
}
