package dev.xblmock.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request line and header fields of one proxy request (RFC 9112), read byte by byte so that nothing after
 * the head is consumed: for {@code CONNECT} the TLS handshake that follows, for an absolute-form request its
 * body, stay in the socket.
 */
record ProxyRequestHead(String method, String target, String version, List<Header> headers) {

    private static final Pattern REQUEST_LINE =
            Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) ([\\x21-\\x7e]+) (HTTP/1\\.[01])");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    record Header(String name, String value) {
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /**
     * Reads one head of at most {@code maxBytes}. Returns empty when the client closes the connection before
     * sending anything; throws when what it sends is not a request head.
     */
    static Optional<ProxyRequestHead> read(InputStream in, int maxBytes) throws IOException, MalformedProxyRequestException {
        HeadReader reader = new HeadReader(in, maxBytes);
        String requestLine = reader.line();
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = reader.line(); // RFC 9112 2.2: empty lines before the request line are ignored
        }
        if (requestLine == null) {
            if (reader.count == 0) {
                return Optional.empty();
            }
            throw new MalformedProxyRequestException("The connection ended before the request line was complete.");
        }
        Matcher matcher = REQUEST_LINE.matcher(requestLine);
        if (!matcher.matches()) {
            throw new MalformedProxyRequestException("The request line '" + printable(requestLine)
                    + "' is not 'METHOD target HTTP/1.1' (RFC 9112 section 3).");
        }
        List<Header> headers = new ArrayList<>();
        for (String line = reader.line(); ; line = reader.line()) {
            if (line == null) {
                throw new MalformedProxyRequestException("The connection ended before the header section was complete.");
            }
            if (line.isEmpty()) {
                break;
            }
            headers.add(parseHeader(line));
        }
        return Optional.of(new ProxyRequestHead(matcher.group(1), matcher.group(2), matcher.group(3), List.copyOf(headers)));
    }

    private static Header parseHeader(String line) throws MalformedProxyRequestException {
        int colon = line.indexOf(':');
        if (colon <= 0 || !HEADER_NAME.matcher(line.substring(0, colon)).matches()) {
            throw new MalformedProxyRequestException("The header line '" + printable(line)
                    + "' is not 'name: value' with a token as name (RFC 9112 section 5).");
        }
        String value = line.substring(colon + 1).strip();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new MalformedProxyRequestException("The value of header '" + line.substring(0, colon)
                        + "' contains the control character 0x" + Integer.toHexString(c) + ".");
            }
        }
        return new Header(line.substring(0, colon), value);
    }

    /** The text with control and non-ASCII characters escaped, cut to a readable length. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < 100; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return text.length() > 100 ? sb + "…" : sb.toString();
    }

    /** Lines ending in CRLF (or a bare LF), counted against the head's byte limit. */
    private static final class HeadReader {

        private final InputStream in;
        private final int maxBytes;
        private int count;

        HeadReader(InputStream in, int maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        /** The next line without its terminator; null at end of stream. */
        String line() throws IOException, MalformedProxyRequestException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                if (++count > maxBytes) {
                    throw new MalformedProxyRequestException("The request head exceeds " + maxBytes
                            + " bytes (xblmock.proxy.max-header-bytes).");
                }
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
                }
                if (b == 0) {
                    throw new MalformedProxyRequestException("The request head contains a NUL byte.");
                }
                line.write(b);
            }
        }
    }
}
