package dev.xblmock.titlestorage.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.xblmock.titlestorage.domain.StorageRoot;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Binds the keys of the per-root maps ({@code xblmock.storage.quota-bytes.<root>}, {@code read-access.<root>}) by
 * the root's path segment, so a mistyped root ({@code quota-bytes.globl}) stops the start instead of being
 * silently ignored.
 */
@Component
@ConfigurationPropertiesBinding
public class StorageRootConverter implements Converter<String, StorageRoot> {

    private static final String ROOTS = Arrays.stream(StorageRoot.values()).map(StorageRoot::segment)
            .collect(Collectors.joining(", "));

    @Override
    public StorageRoot convert(String segment) {
        return StorageRoot.fromSegment(segment).orElseThrow(() -> new IllegalArgumentException(
                "'" + segment + "' is not a storage root; use one of " + ROOTS));
    }
}
