package dev.xblmock.titlestorage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes a MIME multipart body (RFC 2046, CRLF line endings) one part at a time: headers, then the part's
 * bytes copied straight from its stream through one bounded buffer, so memory never depends on the number
 * or size of the parts. A part's stream is opened only when that part is written and always closed.
 *
 * <pre>
 * --boundary CRLF headers CRLF [Content-Length CRLF] CRLF bytes CRLF --boundary ... CRLF --boundary-- CRLF
 * </pre>
 */
public final class MultipartWriter {

    /** The copy buffer; also the largest write handed to the output stream. */
    public static final int DEFAULT_BUFFER_SIZE = 64 * 1024;

    private static final int MAX_BOUNDARY_LENGTH = 70;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] DASHES = {'-', '-'};

    /** A part header; names and values are printable ASCII (no CR or LF), names without ':' or spaces. */
    public record Header(String name, String value) {
        public Header {
            requireHeaderText(name, "header name");
            requireHeaderText(value, "header value");
            if (name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf(' ') >= 0) {
                throw new IllegalArgumentException("invalid header name: " + name);
            }
        }
    }

    /** Opens a part's bytes; called once, when the part is written. */
    @FunctionalInterface
    public interface StreamSource {
        InputStream open() throws IOException;
    }

    /** A part's bytes: exactly {@code length} bytes of what {@code source} opens. */
    public record Body(long length, StreamSource source) {
        public Body {
            if (length < 0) {
                throw new IllegalArgumentException("negative body length " + length);
            }
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * One part. With a body the writer adds {@code Content-Length} as the last header; a part without a body
     * has only {@code headers} and no bytes.
     */
    public record Part(List<Header> headers, Body body) {
        public Part {
            headers = List.copyOf(headers);
        }
    }

    private final OutputStream out;
    private final byte[] delimiter;
    private final byte[] buffer;
    private boolean anyPart;
    private boolean closed;

    public MultipartWriter(String boundary, OutputStream out) {
        this(boundary, out, DEFAULT_BUFFER_SIZE);
    }

    public MultipartWriter(String boundary, OutputStream out, int bufferSize) {
        requireBoundary(boundary);
        if (bufferSize < 1) {
            throw new IllegalArgumentException("buffer size must be positive");
        }
        this.out = Objects.requireNonNull(out, "out");
        this.delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.buffer = new byte[bufferSize];
    }

    /** Writes one whole part. If its stream fails or ends early the exception propagates; the stream is closed. */
    public void write(Part part) throws IOException {
        if (closed) {
            throw new IllegalStateException("the multipart body is already finished");
        }
        out.write(head(part));
        anyPart = true;
        if (part.body() != null) {
            try (InputStream in = part.body().source().open()) {
                copy(in, part.body().length());
            }
        }
    }

    /**
     * Writes the close delimiter; does not close the underlying stream. Deliberately not {@code close()}: after a
     * failed part the body must stay unterminated, so the client sees a broken response rather than a complete
     * one missing bytes.
     */
    public void finish() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (anyPart) {
            out.write(CRLF);
        }
        out.write(delimiter);
        out.write(DASHES);
        out.write(CRLF);
    }

    /** The delimiter line (preceded by the CRLF ending the previous part) and the header block, as one write. */
    private byte[] head(Part part) {
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        if (anyPart) {
            head.writeBytes(CRLF);
        }
        head.writeBytes(delimiter);
        head.writeBytes(CRLF);
        for (Header header : part.headers()) {
            writeHeader(head, header.name(), header.value());
        }
        if (part.body() != null) {
            writeHeader(head, "Content-Length", Long.toString(part.body().length()));
        }
        head.writeBytes(CRLF);
        return head.toByteArray();
    }

    private static void writeHeader(ByteArrayOutputStream head, String name, String value) {
        head.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        head.write(':');
        head.write(' ');
        head.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
        head.writeBytes(CRLF);
    }

    /** Copies exactly {@code length} bytes; a shorter stream would corrupt the framing, so it is an error. */
    private void copy(InputStream in, long length) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("part stream ended " + remaining + " bytes before its declared length " + length);
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
    }

    private static void requireHeaderText(String text, String what) {
        Objects.requireNonNull(text, what);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(what + " contains a character outside printable ASCII: " + text);
            }
        }
    }

    /** RFC 2046: 1 to 70 characters, here restricted to letters, digits and {@code '()+_,-./:=?}. */
    private static void requireBoundary(String boundary) {
        Objects.requireNonNull(boundary, "boundary");
        if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
            throw new IllegalArgumentException("a boundary has 1 to 70 characters: " + boundary);
        }
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "'()+_,-./:=?".indexOf(c) >= 0;
            if (!ok) {
                throw new IllegalArgumentException("invalid boundary character '" + c + "' in " + boundary);
            }
        }
    }
}
