package dev.xblmock.titlestorage;

import java.io.IOException;
import java.io.InputStream;

import dev.xblmock.titlestorage.domain.Etag;

/** The outcome of a download, ready to be written by the controller. */
public sealed interface Download {

    /** A stream over the blob's bytes, opened only when the response is written. */
    @FunctionalInterface
    interface Body {
        InputStream open() throws IOException;
    }

    Etag etag();

    /** 304: the client's copy is current. */
    record NotModified(Etag etag) implements Download {
    }

    /** 200 or (with a range) 206: stored bytes, streamed. */
    record Bytes(Etag etag, String contentType, long length, ByteRange.Resolved range, Body body) implements Download {
    }

    /** 200: a JSON document the service computed (select result or resolved config). */
    record Document(Etag etag, byte[] json) implements Download {
    }
}
