package dev.xblmock.titlestorage.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class StrictUtf8ReaderTest {

    /** Valid UTF-8, handed out in chunks of any size and read with buffers of any size, decodes to the text. */
    @Property(tries = 300)
    void decodesValidUtf8WhateverTheChunking(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 9000) int chunk,
                                             @ForAll @IntRange(min = 1, max = 5000) int readSize) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(readAll(new StrictUtf8Reader(chunked(bytes, chunk)), readSize)).isEqualTo(text);
    }

    /** Whatever precedes a malformed sequence is handed out first; the error names the sequence's offset. */
    @Property(tries = 300)
    void reportsTheOffsetOfTheFirstMalformedSequence(@ForAll("texts") String before, @ForAll("malformed") byte[] bad,
                                                     @ForAll @IntRange(min = 1, max = 9000) int chunk) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        int offset = body.size();
        body.writeBytes(bad);
        body.writeBytes("tail".getBytes(StandardCharsets.UTF_8));
        StringBuilder decoded = new StringBuilder();
        StrictUtf8Reader reader = new StrictUtf8Reader(chunked(body.toByteArray(), chunk));
        assertThatThrownBy(() -> {
            char[] buffer = new char[4096];
            for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
                decoded.append(buffer, 0, n);
            }
        }).isInstanceOfSatisfying(StrictUtf8Reader.MalformedUtf8Exception.class,
                e -> assertThat(e.byteOffset()).isEqualTo(offset));
        assertThat(decoded.toString()).isEqualTo(before.startsWith("\uFEFF") ? before.substring(1) : before);
    }

    @Example
    void skipsOnlyALeadingByteOrderMark() throws IOException {
        byte[] bytes = "\uFEFFa\uFEFF".getBytes(StandardCharsets.UTF_8);
        assertThat(readAll(new StrictUtf8Reader(new ByteArrayInputStream(bytes)), 10)).isEqualTo("a\uFEFF");
        assertThat(readAll(new StrictUtf8Reader(chunked(bytes, 1)), 1)).isEqualTo("a\uFEFF");
    }

    @Example
    void keepsAPartialByteOrderMarkPrefixThatIsNotOne() throws IOException {
        byte[] bytes = "\uFEFF".getBytes(StandardCharsets.UTF_8);
        byte[] notBom = {bytes[0], bytes[1], (byte) 0xBE}; // U+FEFE
        assertThat(readAll(new StrictUtf8Reader(chunked(notBom, 1)), 1)).isEqualTo("\uFEFE");
    }

    @Example
    void emptyInputIsEndOfStream() throws IOException {
        assertThat(new StrictUtf8Reader(new ByteArrayInputStream(new byte[0])).read(new char[4], 0, 4)).isEqualTo(-1);
    }

    @Example
    void leavesTheUnderlyingStreamOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new StrictUtf8Reader(in).close();
        assertThat(closed[0]).isFalse();
    }

    private static String readAll(Reader reader, int readSize) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[readSize];
        for (int n; (n = reader.read(buffer, 0, readSize)) >= 0; ) {
            assertThat(n).isPositive();
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    /** A stream that hands out at most {@code chunk} bytes per read, as a network stream may. */
    private static InputStream chunked(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> codePoint = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 0x7F),
                Arbitraries.integers().between(0x80, 0x7FF),
                Arbitraries.integers().between(0x800, 0xD7FF),
                Arbitraries.integers().between(0xE000, 0xFFFF),
                Arbitraries.integers().between(0x10000, 0x10FFFF)).map(Character::toString);
        return codePoint.list().ofMaxSize(12_000).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<byte[]> malformed() {
        return Arbitraries.of(List.of(
                new byte[] {(byte) 0x80},                          // lone continuation byte
                new byte[] {(byte) 0xC0, (byte) 0x80},             // overlong NUL
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, // overlong
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // encoded surrogate
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
                new byte[] {(byte) 0xE2, (byte) 0x82},             // truncated, followed by ASCII
                new byte[] {(byte) 0xFE},
                new byte[] {(byte) 0xFF}));
    }
}
