package dev.xblmock.titlestorage.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of an upload that is not committed yet (one request body, or the blocks of a multi-block
 * upload). Invisible to readers, listings and quota until {@link BlobStore#commit}.
 */
public interface StagedUpload extends AutoCloseable {

    /** Bytes staged so far. */
    long size();

    /**
     * Reads {@code body} to its end in bounded chunks and appends it. If reading fails (the stream throws,
     * e.g. because a limit was exceeded or the client went away) nothing of this call stays staged.
     *
     * @return the number of bytes appended
     */
    long append(InputStream body) throws IOException;

    /** Drops everything staged after the first {@code size} bytes (undoes a block that was refused later). */
    void truncate(long size);

    /** Reads staged bytes, e.g. to validate a JSON document before it is committed. */
    InputStream open(long offset, long length) throws IOException;

    /** Drops the staged bytes; idempotent. A committed upload needs no discard. */
    @Override
    void close();
}
