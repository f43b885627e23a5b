package dev.xblmock.userstats.store;

import dev.xblmock.cluster.ClusterDatabase;
import org.junit.jupiter.api.AfterEach;

/** The stats repository contract against the cluster backend: a database of its own for every test. */
class ClusterStatsRepositoryTest extends StatsRepositoryContractTest {

    private ClusterDatabase database;

    @Override
    protected StatsRepository newRepository() {
        database = ClusterDatabase.create();
        return new ClusterStatsRepository(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
