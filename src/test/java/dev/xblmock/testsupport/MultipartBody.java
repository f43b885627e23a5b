package dev.xblmock.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.fileupload2.core.MultipartInput;

/**
 * A multipart response parsed by an independent parser (commons-fileupload2's {@link MultipartInput}), so
 * tests do not check the emulator's writer with its own logic. Also checks the framing the parser is lenient
 * about: no preamble, and the body ends exactly with the close delimiter and CRLF.
 */
public final class MultipartBody {

    private static final Pattern BOUNDARY = Pattern.compile("^multipart/form-data; boundary=([^;\\s]+)$");

    /** One part: its raw header block (each line ending in CRLF, without the blank line) and its bytes. */
    public record Part(String headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String boundary;
    private final List<Part> parts;

    private MultipartBody(String boundary, List<Part> parts) {
        this.boundary = boundary;
        this.parts = parts;
    }

    public static MultipartBody parse(String contentType, byte[] body) {
        Matcher matcher = BOUNDARY.matcher(contentType);
        assertThat(matcher.matches()).as("Content-Type %s", contentType).isTrue();
        String boundary = matcher.group(1);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertThat(text).as("no preamble").startsWith("--" + boundary + "\r\n");
        assertThat(text).as("ends with the close delimiter").endsWith("\r\n--" + boundary + "--\r\n");
        try {
            MultipartInput input = MultipartInput.builder()
                    .setInputStream(new ByteArrayInputStream(body))
                    .setBoundary(boundary.getBytes(StandardCharsets.US_ASCII))
                    .get();
            input.setHeaderCharset(StandardCharsets.US_ASCII);
            List<Part> parts = new ArrayList<>();
            boolean more = input.skipPreamble();
            while (more) {
                String headers = input.readHeaders();
                assertThat(headers).as("header block ends with a blank line").endsWith("\r\n\r\n");
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                input.readBodyData(bytes);
                parts.add(new Part(headers.substring(0, headers.length() - 2), bytes.toByteArray()));
                more = input.readBoundary();
            }
            return new MultipartBody(boundary, parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String boundary() {
        return boundary;
    }

    public List<Part> parts() {
        return parts;
    }
}
