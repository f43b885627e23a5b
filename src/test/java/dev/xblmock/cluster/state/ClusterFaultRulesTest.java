package dev.xblmock.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import javax.sql.DataSource;

import dev.xblmock.emulator.faults.FaultRuleSet;
import dev.xblmock.emulator.faults.FaultRuleSetContract;
import org.junit.jupiter.api.Test;

/** The cluster's fault rules against the shared contract: two instances on one database. */
class ClusterFaultRulesTest extends FaultRuleSetContract {

    private DataSource database;

    @Override
    protected FaultRuleSet newRules() {
        database = SharedStateDatabase.fresh();
        return new ClusterFaultRules(database, Duration.ofMinutes(10));
    }

    @Override
    protected FaultRuleSet sameRules() {
        return new ClusterFaultRules(database, Duration.ofMinutes(10));
    }

    @Test
    void seededRollsAreThoseOfSplittableRandom() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int n = 1; n <= 1000; n++) {
                assertThat(SeededRolls.nth(seed, n)).isEqualTo(random.nextDouble());
            }
        }
    }
}
