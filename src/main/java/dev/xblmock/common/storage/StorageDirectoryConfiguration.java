package dev.xblmock.common.storage;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Opens {@code xblmock.storage.dir} once for every store that keeps its state there (blobs, stats). Lazy:
 * only the filesystem backend asks for it, so the memory backend never touches the disk. It is closed,
 * and its lock released, when the context stops.
 */
@Configuration(proxyBeanMethods = false)
public class StorageDirectoryConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    StorageDirectory storageDirectory(@Value("${xblmock.storage.dir:}") String dir) {
        return StorageDirectory.open(dir.isBlank() ? null : Path.of(dir));
    }
}
