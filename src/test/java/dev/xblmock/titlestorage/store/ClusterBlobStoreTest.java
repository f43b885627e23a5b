package dev.xblmock.titlestorage.store;

import java.time.Duration;

import dev.xblmock.cluster.ClusterDatabase;
import dev.xblmock.cluster.ClusterEngines;
import org.junit.jupiter.api.AfterEach;

/** The store contract against the cluster backend: a database and a bucket of its own for every test. */
class ClusterBlobStoreTest extends BlobStoreContractTest {

    private ClusterDatabase database;

    @Override
    protected BlobStore newStore(EtagSource etags, StagingBudget staging) {
        database = ClusterDatabase.create();
        return new ClusterBlobStore(database.dataSource(), ClusterEngines.get().s3(), database.bucket(), staging,
                Duration.ofMinutes(15));
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
