package dev.xblmock.common.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body source whose bytes already lie in memory in pieces. {@link NonBlockingBody} hands the pieces
 * to the container as they lie instead of reading them into a buffer of its own first: no copy, no buffer per
 * response.
 */
public interface InMemoryBody {

    /** Writes the next piece with one {@code write}; returns its length, or -1 when the body is all written. */
    int writeNextPiece(OutputStream out) throws IOException;
}
