package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.xblmock.titlestorage.MultipartStream.Body;
import dev.xblmock.titlestorage.MultipartStream.Header;
import dev.xblmock.titlestorage.MultipartStream.Part;
import org.junit.jupiter.api.Test;

class MultipartStreamTest {

    private static final String BOUNDARY = "c0a9fd75-d036-4294-8b7b-85fea15a31bb";

    @Test
    void producesPartsWithCrlfFramingAndTheCloseDelimiter() throws IOException {
        MultipartStream body = stream(new Part(List.of(new Header("A", "1")), body("asdf123")),
                new Part(List.of(new Header("B", "2"), new Header("C", "x; y=\"z\"")), null),
                new Part(List.of(), body("")));

        assertThat(new String(body.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(
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
        assertThat(body.read()).isEqualTo(-1);
    }

    @Test
    void anEmptyBodyIsOnlyTheCloseDelimiter() throws IOException {
        assertThat(new String(stream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("--" + BOUNDARY + "--\r\n");
    }

    @Test
    void yieldsEveryByteValueInReadsOfAtMostTheCallersSize() throws IOException {
        byte[] bytes = new byte[10_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        MultipartStream body = stream(new Part(List.of(), new Body(bytes.length, () -> new ByteArrayInputStream(bytes))));
        byte[] buffer = new byte[1024];
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int n; (n = body.read(buffer, 0, buffer.length)) >= 0; ) {
            assertThat(n).isBetween(1, 1024);
            all.write(buffer, 0, n);
        }
        byte[] produced = all.toByteArray();
        int headLength = ("--" + BOUNDARY + "\r\nContent-Length: 10000\r\n\r\n").length();
        assertThat(Arrays.copyOfRange(produced, headLength, headLength + bytes.length)).isEqualTo(bytes);
    }

    @Test
    void yieldsOnlyTheDeclaredLength() throws IOException {
        MultipartStream body = stream(new Part(List.of(), new Body(3, () -> new ByteArrayInputStream("abcdef".getBytes()))));
        assertThat(new String(body.readAllBytes(), StandardCharsets.US_ASCII)).contains("\r\n\r\nabc\r\n--" + BOUNDARY + "--");
    }

    @Test
    void aStreamEndingEarlyFailsAndIsClosedAndTheBodyStaysUnterminated() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        MultipartStream body = stream(new Part(List.of(),
                new Body(10, () -> tracking(new ByteArrayInputStream(new byte[4]), closed))));
        byte[] buffer = new byte[64 * 1024];
        int head = body.read(buffer, 0, buffer.length);
        assertThat(body.read(buffer, 0, buffer.length)).isEqualTo(4);
        assertThatThrownBy(() -> body.read(buffer, 0, buffer.length)).isInstanceOf(IOException.class)
                .hasMessageContaining("6 bytes before its declared length 10");
        assertThat(head).isPositive();
        body.close();
        assertThat(closed).isTrue();
    }

    @Test
    void closingMidPartClosesThePartStreamAndOpensNoOther() throws IOException {
        AtomicBoolean firstClosed = new AtomicBoolean();
        AtomicBoolean secondOpened = new AtomicBoolean();
        MultipartStream body = stream(
                new Part(List.of(), new Body(1000, () -> tracking(new ByteArrayInputStream(new byte[1000]), firstClosed))),
                new Part(List.of(), new Body(1, () -> {
                    secondOpened.set(true);
                    return new ByteArrayInputStream(new byte[1]);
                })));
        body.readNBytes(200);
        body.close();
        assertThat(firstClosed).isTrue();
        assertThat(body.read()).isEqualTo(-1);
        assertThat(secondOpened).isFalse();
    }

    @Test
    void opensAPartStreamOnlyWhenReadingReachesIt() throws IOException {
        AtomicBoolean opened = new AtomicBoolean();
        MultipartStream body = stream(new Part(List.of(new Header("A", "1")), new Body(1, () -> {
            opened.set(true);
            return new ByteArrayInputStream(new byte[1]);
        })));
        body.read(new byte[1024], 0, 1024); // the head
        assertThat(opened).isFalse();
        body.read();
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
        List<Part> none = List.of();
        assertThatThrownBy(() -> new MultipartStream("", none.iterator())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MultipartStream("a".repeat(71), none.iterator()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MultipartStream("a\r\nb", none.iterator())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MultipartStream("a b", none.iterator())).isInstanceOf(IllegalArgumentException.class);
    }

    private static MultipartStream stream(Part... parts) {
        return new MultipartStream(BOUNDARY, List.of(parts).iterator());
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
