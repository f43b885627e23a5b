package dev.xblmock.titlestorage;

import java.time.Clock;

import dev.xblmock.titlestorage.store.BlobStore;
import dev.xblmock.titlestorage.store.EtagSource;
import dev.xblmock.titlestorage.store.MemoryBlobStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Title Storage store for the configured backend. */
@Configuration(proxyBeanMethods = false)
public class TitleStorageConfiguration {

    @Bean
    EtagSource etagSource(Clock clock) {
        return new EtagSource(clock);
    }

    @Bean
    BlobStore blobStore(StorageProperties properties, EtagSource etags) {
        return switch (properties.backend()) {
            case MEMORY -> new MemoryBlobStore(etags);
            case FILESYSTEM -> throw new IllegalStateException(
                    "xblmock.storage.backend=filesystem is not available in this build; use memory");
        };
    }
}
