package dev.xblmock.userstats.store;

/** The stats repository contract against the memory backend. */
class MemoryStatsRepositoryTest extends StatsRepositoryContractTest {

    @Override
    protected StatsRepository newRepository() {
        return new MemoryStatsRepository();
    }
}
