package dev.xblmock.titlestorage.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * One committed version of a blob, opened for reading. The version stays readable while it is streamed,
 * even if a writer replaces or deletes the blob meanwhile.
 */
public interface BlobContent {

    BlobMetadata metadata();

    /** A stream over {@code length} bytes starting at {@code offset}; both are within the blob. */
    InputStream open(long offset, long length) throws IOException;

    default InputStream open() throws IOException {
        return open(0, metadata().size());
    }
}
