package dev.xblmock.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one raw HTTP/1.1 test client, for requests a client library would normalise or refuse (bad escapes,
 * {@code //} and {@code ../} targets, odd Host headers, proxy requests, oversized heads, bodies that stop
 * early): it sends exactly the bytes it is given and parses what comes back, interim {@code 100 Continue}
 * responses and {@code CONNECT} answers included. It runs over a socket of its own or over any connected
 * one (a TLS socket, a proxy tunnel).
 */
public final class RawHttp implements Closeable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean lastRequestWasConnect;

    /** A connection of its own to {@code localhost:port}. */
    public RawHttp(int port) throws IOException {
        this(new Socket("localhost", port), true);
    }

    private RawHttp(Socket socket, boolean buffered) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(TIMEOUT_MILLIS);
        InputStream input = socket.getInputStream();
        this.in = buffered ? new BufferedInputStream(input) : input;
        this.out = socket.getOutputStream();
    }

    /**
     * Exchanges over an already connected socket (closing this closes it). Reads are unbuffered, so nothing
     * past a response is consumed and the socket can be handed on, e.g. to TLS after a {@code CONNECT}.
     */
    public static RawHttp over(Socket connected) throws IOException {
        return new RawHttp(connected, false);
    }

    /** Sends one request and reads its final response on a fresh connection. */
    public static Response exchange(int port, String request) throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            http.send(request);
            return http.read();
        }
    }

    /**
     * One bodiless request with {@code Host: localhost}, the given header lines, {@code Content-Length: 0} and
     * {@code Connection: close}; the target goes on the wire exactly as given.
     */
    public static Response send(int port, String method, String target, String... headerLines) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        try {
            return exchange(port, request.append("Content-Length: 0\r\nConnection: close\r\n\r\n").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a GET of {@code target} with {@code Host: localhost} and any extra header lines. */
    public static String get(String target, String... headerLines) {
        StringBuilder sb = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String line : headerLines) {
            sb.append(line).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] bytes) throws IOException {
        lastRequestWasConnect = bytes.length >= 8
                && new String(bytes, 0, 8, StandardCharsets.ISO_8859_1).equals("CONNECT ");
        out.write(bytes);
        out.flush();
    }

    /** Sends {@code request} and reads one response. */
    public Response exchange(String request) throws IOException {
        send(request);
        return read();
    }

    /** Reads the next response (interim or final). */
    public Response read() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new EOFException("the server closed the connection without a response");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
        Response head = new Response(statusLine, status, headers, new byte[0]);
        if (status < 200 || status == 204 || status == 304 || (lastRequestWasConnect && status / 100 == 2)) {
            return head;
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            body = readChunked();
        } else if (head.header("Content-Length") != null) {
            body = in.readNBytes(Integer.parseInt(head.header("Content-Length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(statusLine, status, headers, body);
    }

    /** Everything the server sends until it closes the connection, unparsed (for answers cut short). */
    public String readUntilClosed() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** The first {@code n} bytes the server sends (fewer if it closes first). */
    public byte[] readBytes(int n) throws IOException {
        return in.readNBytes(n);
    }

    /** True when the server closes the connection (rather than keeping it for another request). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new EOFException("the chunked body ended without its last chunk");
            }
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                    // trailers are not used by the emulator
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A response: status line, status, headers (case-insensitive names, every value) and the de-chunked body. */
    public record Response(String statusLine, int status, Map<String, List<String>> headers, byte[] body) {

        /** The first value of the header, or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
