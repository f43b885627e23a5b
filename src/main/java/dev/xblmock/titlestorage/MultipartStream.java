package dev.xblmock.titlestorage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A MIME multipart body (RFC 2046, CRLF line endings) produced as it is read, one part at a time: the
 * delimiter and headers, then the part's bytes read straight from its stream, so memory never depends on the
 * number or size of the parts. A part's stream is opened only when reading reaches it and is always closed.
 * Being pulled rather than pushed, it can feed a non-blocking response that reads on only as the client does.
 *
 * <pre>
 * --boundary CRLF headers CRLF [Content-Length CRLF] CRLF bytes CRLF --boundary ... CRLF --boundary-- CRLF
 * </pre>
 *
 * A part stream that fails or ends before its declared length makes {@link #read} throw and the body stays
 * unterminated, so the client sees a broken response rather than a complete one missing bytes.
 */
public final class MultipartStream extends InputStream {

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

    /** Opens a part's bytes; called once, when reading reaches them. */
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

    private final Iterator<Part> parts;
    private final byte[] delimiter;
    /** What is being read now: a part's head, a part's bytes, or the close delimiter. */
    private InputStream current = InputStream.nullInputStream();
    /** The part whose head is {@link #current}, when its bytes come next. */
    private Body nextBody;
    private boolean anyPart;
    private boolean finished;
    private boolean closed;

    public MultipartStream(String boundary, Iterator<Part> parts) {
        requireBoundary(boundary);
        this.parts = Objects.requireNonNull(parts, "parts");
        this.delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (closed) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n = current.read(buffer, off, len);
            if (n > 0) {
                return n;
            }
            current.close();
            current = InputStream.nullInputStream();
            if (!advance()) {
                return -1;
            }
        }
    }

    /** Moves to what follows {@link #current}; false at the end of the body. */
    private boolean advance() throws IOException {
        if (nextBody != null) {
            Body body = nextBody;
            nextBody = null;
            current = new ExactLength(body.source().open(), body.length());
            return true;
        }
        if (parts.hasNext()) {
            Part part = parts.next();
            current = new ByteArrayInputStream(head(part));
            anyPart = true;
            nextBody = part.body();
            return true;
        }
        if (!finished) {
            finished = true;
            ByteArrayOutputStream close = new ByteArrayOutputStream(delimiter.length + 6);
            if (anyPart) {
                close.writeBytes(CRLF);
            }
            close.writeBytes(delimiter);
            close.writeBytes(DASHES);
            close.writeBytes(CRLF);
            current = new ByteArrayInputStream(close.toByteArray());
            return true;
        }
        return false;
    }

    /** Closes the stream being read (a part's bytes when the client leaves mid-part); parts not reached are never opened. */
    @Override
    public void close() throws IOException {
        closed = true;
        current.close();
    }

    /** The delimiter line (preceded by the CRLF ending the previous part) and the header block. */
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

    /** Exactly {@code length} bytes of a part's stream; a shorter stream would corrupt the framing, so it is an error. */
    private static final class ExactLength extends InputStream {
        private final InputStream in;
        private final long length;
        private long remaining;

        ExactLength(InputStream in, long length) {
            this.in = in;
            this.length = length;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new IOException("part stream ended " + remaining + " bytes before its declared length " + length);
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
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
