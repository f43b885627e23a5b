package dev.xblmock.titlestorage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import dev.xblmock.common.io.InMemoryBody;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any range of chunked bytes streams exactly, whether read, transferred or written piece by piece. */
class ChunkedBytesTest {

    @Property(tries = 300)
    void everyWayOfStreamingARangeGivesItsExactBytes(
            @ForAll @Size(max = 6) List<@IntRange(min = 1, max = 40) Integer> chunkLengths,
            @ForAll @IntRange(min = 0, max = 240) int from, @ForAll @IntRange(min = 0, max = 240) int length)
            throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        int size = 0;
        for (int chunkLength : chunkLengths) {
            byte[] chunk = new byte[chunkLength];
            for (int i = 0; i < chunkLength; i++) {
                chunk[i] = (byte) (size + i);
            }
            chunks.add(chunk);
            size += chunkLength;
        }
        int offset = Math.min(from, size);
        int count = Math.min(length, size - offset);
        ChunkedBytes bytes = new ChunkedBytes(chunks, size);
        byte[] expected = new byte[count];
        for (int i = 0; i < count; i++) {
            expected[i] = (byte) (offset + i);
        }

        assertThat(bytes.open(offset, count).readAllBytes()).isEqualTo(expected);
        ByteArrayOutputStream transferred = new ByteArrayOutputStream();
        assertThat(bytes.open(offset, count).transferTo(transferred)).isEqualTo(count);
        assertThat(transferred.toByteArray()).isEqualTo(expected);
        assertThat(piecewise(bytes.open(offset, count), chunks, offset, offset + count)).isEqualTo(expected);
    }

    /** Writes the range piece by piece; every piece is the rest of one chunk (within the range): written from where it lies. */
    private static byte[] piecewise(InputStream range, List<byte[]> chunks, int offset, int end) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InMemoryBody pieces = (InMemoryBody) range;
        int position = offset;
        int n;
        while ((n = pieces.writeNextPiece(out)) >= 0) {
            assertThat(n).isEqualTo(Math.min(restOfChunkAt(chunks, position), end - position));
            position += n;
        }
        assertThat(pieces.writeNextPiece(out)).isEqualTo(-1);
        return out.toByteArray();
    }

    private static int restOfChunkAt(List<byte[]> chunks, int position) {
        int start = 0;
        for (byte[] chunk : chunks) {
            if (position < start + chunk.length) {
                return start + chunk.length - position;
            }
            start += chunk.length;
        }
        return 0;
    }
}
