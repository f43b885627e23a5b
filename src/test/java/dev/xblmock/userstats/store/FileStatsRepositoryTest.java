package dev.xblmock.userstats.store;

import java.nio.file.Path;

import dev.xblmock.common.storage.StorageDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The stats repository contract against the filesystem backend. */
class FileStatsRepositoryTest extends StatsRepositoryContractTest {

    @TempDir
    Path dir;
    private StorageDirectory directory;

    @Override
    protected StatsRepository newRepository() {
        directory = StorageDirectory.open(dir);
        return new FileStatsRepository(directory);
    }

    @Override
    protected int concurrentWritesEach() {
        return 60;
    }

    @AfterEach
    void closeDirectory() {
        directory.close();
    }
}
