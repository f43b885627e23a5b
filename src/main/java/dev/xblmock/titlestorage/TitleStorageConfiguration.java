package dev.xblmock.titlestorage;

import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;
import dev.xblmock.cluster.ClusterBucket;
import dev.xblmock.common.storage.StorageDirectory;
import dev.xblmock.titlestorage.settings.StorageProperties;
import dev.xblmock.titlestorage.store.BlobStore;
import dev.xblmock.titlestorage.store.ClusterBlobStore;
import dev.xblmock.titlestorage.store.EtagSource;
import dev.xblmock.titlestorage.store.FileBlobStore;
import dev.xblmock.titlestorage.store.MemoryBlobStore;
import dev.xblmock.titlestorage.store.StagingBudget;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Title Storage store for the configured backend. */
@Configuration(proxyBeanMethods = false)
public class TitleStorageConfiguration {

    @Bean
    EtagSource etagSource(Clock clock) {
        return new EtagSource(clock);
    }

    /** Multi-block uploads: shared through the database on the cluster backend, kept in this process otherwise. */
    @Bean
    UploadSessions uploadSessions(Clock clock, StorageProperties properties, BlobStore store) {
        return store instanceof ClusterBlobStore cluster
                ? new ClusterUploadSessions(clock, properties, cluster)
                : new UploadSessions(clock, properties);
    }

    /**
     * @param directory opened (lazily) only for the filesystem backend
     * @param database  the cluster's pool and bucket are created (lazily) only for the cluster backend
     */
    @Bean
    BlobStore blobStore(StorageProperties properties, EtagSource etags, ObjectProvider<StorageDirectory> directory,
                        ObjectProvider<HikariDataSource> database, ObjectProvider<ClusterBucket> bucket) {
        StagingBudget staging = new StagingBudget(properties.maxStagedUploads(), properties.stagedBytesLimit());
        return switch (properties.backend()) {
            case MEMORY -> new MemoryBlobStore(etags, staging);
            case FILESYSTEM -> new FileBlobStore(directory.getObject(), etags, staging);
            case CLUSTER -> new ClusterBlobStore(database.getObject(), bucket.getObject().s3(), bucket.getObject().name(),
                    staging, properties.uploadIdleTimeout().plusMinutes(1)).startSweeping();
        };
    }
}
