package dev.xblmock.titlestorage;

import java.time.Clock;

import dev.xblmock.common.storage.StorageDirectory;
import dev.xblmock.titlestorage.settings.StorageProperties;
import dev.xblmock.titlestorage.store.BlobStore;
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

    /** @param directory opened (lazily) only for the filesystem backend */
    @Bean
    BlobStore blobStore(StorageProperties properties, EtagSource etags, ObjectProvider<StorageDirectory> directory) {
        StagingBudget staging = new StagingBudget(properties.maxStagedUploads(), properties.stagedBytesLimit());
        return switch (properties.backend()) {
            case MEMORY -> new MemoryBlobStore(etags, staging);
            case FILESYSTEM -> new FileBlobStore(directory.getObject(), etags, staging);
        };
    }
}
