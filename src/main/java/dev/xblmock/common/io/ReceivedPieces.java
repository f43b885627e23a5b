package dev.xblmock.common.io;

import java.io.IOException;

/**
 * A request body already received into memory as arrays. A reader that keeps the bytes (the memory store)
 * takes an array over instead of copying it into one of its own.
 */
public interface ReceivedPieces {

    /**
     * The next {@code length} bytes of the body, if one array holds exactly them: the array is the caller's from
     * then on and the body moves past it. {@code null} otherwise: read the bytes as usual.
     */
    byte[] takePiece(int length) throws IOException;
}
