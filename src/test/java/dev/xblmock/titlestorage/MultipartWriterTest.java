package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.xblmock.titlestorage.MultipartWriter.Body;
import dev.xblmock.titlestorage.MultipartWriter.Header;
import dev.xblmock.titlestorage.MultipartWriter.Part;
import org.junit.jupiter.api.Test;

class MultipartWriterTest {

    private static final String BOUNDARY = "c0a9fd75-d036-4294-8b7b-85fea15a31bb";

    @Test
    void writesPartsWithCrlfFramingAndTheCloseDelimiter() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultipartWriter writer = new MultipartWriter(BOUNDARY, out);
        writer.write(new Part(List.of(new Header("A", "1")), body("asdf123")));
        writer.write(new Part(List.of(new Header("B", "2"), new Header("C", "x; y=\"z\"")), null));
        writer.write(new Part(List.of(), body("")));
        writer.finish();

        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(
                "--" + BOUNDARY + "\r\n"
                        + "A: 1\r\n"
                        + "Content-Length: 7\r\n"
                        + "\r\n"
                        + "asdf123"
                        + "\r\n--" + BOUNDARY + "\r\n"
                        + "B: 2\r\n"
                        + "C: x; y=\"z\"\r\n"
                        + "\r\n"
                        + "\r\n--" + BOUNDARY + "\r\n"
                        + "Content-Length: 0\r\n"
                        + "\r\n"
                        + "\r\n--" + BOUNDARY + "--\r\n");
    }

    @Test
    void anEmptyBodyIsOnlyTheCloseDelimiter() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultipartWriter writer = new MultipartWriter(BOUNDARY, out);
        writer.finish();
        writer.finish();
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("--" + BOUNDARY + "--\r\n");
    }

    @Test
    void copiesEveryByteValueThroughABoundedBuffer() throws IOException {
        byte[] bytes = new byte[10_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        List<Integer> writeSizes = new ArrayList<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                writeSizes.add(1);
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writeSizes.add(len);
                sink.write(b, off, len);
            }
        };
        MultipartWriter writer = new MultipartWriter(BOUNDARY, out, 1024);
        writer.write(new Part(List.of(), new Body(bytes.length, () -> new ByteArrayInputStream(bytes))));

        byte[] written = sink.toByteArray();
        int headLength = ("--" + BOUNDARY + "\r\nContent-Length: 10000\r\n\r\n").length();
        assertThat(java.util.Arrays.copyOfRange(written, headLength, written.length)).isEqualTo(bytes);
        // the head is one write, every body write is at most the buffer size
        assertThat(writeSizes.subList(1, writeSizes.size())).allMatch(size -> size <= 1024);
    }

    @Test
    void copiesOnlyTheDeclaredLength() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultipartWriter writer = new MultipartWriter(BOUNDARY, out);
        writer.write(new Part(List.of(), new Body(3, () -> new ByteArrayInputStream("abcdef".getBytes()))));
        assertThat(out.toString(StandardCharsets.US_ASCII)).endsWith("\r\n\r\nabc");
    }

    @Test
    void aStreamEndingEarlyFailsAndIsClosed() {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultipartWriter writer = new MultipartWriter(BOUNDARY, out);
        Part part = new Part(List.of(), new Body(10, () -> tracking(new ByteArrayInputStream(new byte[4]), closed)));

        assertThatThrownBy(() -> writer.write(part)).isInstanceOf(IOException.class)
                .hasMessageContaining("6 bytes before its declared length 10");
        assertThat(closed).isTrue();
    }

    @Test
    void aFailingOutputClosesThePartStream() {
        AtomicBoolean closed = new AtomicBoolean();
        OutputStream failing = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 200) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        MultipartWriter writer = new MultipartWriter(BOUNDARY, failing, 64);
        Part part = new Part(List.of(), new Body(1000, () -> tracking(new ByteArrayInputStream(new byte[1000]), closed)));

        assertThatThrownBy(() -> writer.write(part)).hasMessage("Broken pipe");
        assertThat(closed).isTrue();
    }

    @Test
    void opensAPartStreamOnlyWhenThePartIsWritten() throws IOException {
        AtomicBoolean opened = new AtomicBoolean();
        Part part = new Part(List.of(), new Body(1, () -> {
            opened.set(true);
            return new ByteArrayInputStream(new byte[1]);
        }));
        MultipartWriter writer = new MultipartWriter(BOUNDARY, new ByteArrayOutputStream());
        assertThat(opened).isFalse();
        writer.write(part);
        assertThat(opened).isTrue();
    }

    @Test
    void refusesHeadersThatWouldBreakTheFraming() {
        assertThatThrownBy(() -> new Header("X", "a\r\nInjected: 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Header("X: Y", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Header("", "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesInvalidBoundaries() {
        OutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> new MultipartWriter("", out)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MultipartWriter("a".repeat(71), out)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MultipartWriter("a\r\nb", out)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MultipartWriter("a b", out)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writingAfterFinishIsAnError() throws IOException {
        MultipartWriter writer = new MultipartWriter(BOUNDARY, new ByteArrayOutputStream());
        writer.finish();
        assertThatThrownBy(() -> writer.write(new Part(List.of(), null))).isInstanceOf(IllegalStateException.class);
    }

    private static Body body(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return new Body(bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    private static InputStream tracking(InputStream in, AtomicBoolean closed) {
        return new FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        };
    }
}
