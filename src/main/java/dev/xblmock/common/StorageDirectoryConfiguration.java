package dev.xblmock.common;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code xblmock.storage.backend=filesystem}, opens {@code xblmock.storage.dir} once for every store
 * that keeps its state there (blobs, stats); it is closed, and its lock released, when the context stops.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xblmock.storage.backend", havingValue = "filesystem")
public class StorageDirectoryConfiguration {

    @Bean(destroyMethod = "close")
    StorageDirectory storageDirectory(@Value("${xblmock.storage.dir:}") String dir) {
        return StorageDirectory.open(dir.isBlank() ? null : Path.of(dir));
    }
}
