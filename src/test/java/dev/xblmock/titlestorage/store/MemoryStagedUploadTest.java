package dev.xblmock.titlestorage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import dev.xblmock.common.io.InMemoryBody;
import dev.xblmock.common.io.ReceivedPieces;
import org.junit.jupiter.api.Test;

/** A body received into memory in chunk-sized pieces is staged as those pieces, not copied. */
class MemoryStagedUploadTest {

    private static final int CHUNK = MemoryStagedUpload.CHUNK_SIZE;

    @Test
    void wholePiecesAreKeptAsTheyAreAndTheRestIsCopied() throws IOException {
        byte[] piece = new byte[CHUNK];
        piece[0] = 1;
        Pieces body = new Pieces(piece, new byte[] {2, 3});
        MemoryStagedUpload staged = new MemoryStagedUpload(StagingBudget.unlimited());

        assertThat(staged.append(body)).isEqualTo(CHUNK + 2);

        List<byte[]> written = new ArrayList<>();
        InMemoryBody stagedBytes = (InMemoryBody) staged.open(0, CHUNK + 2);
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("written byte by byte");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written.add(b);
            }
        };
        while (stagedBytes.writeNextPiece(out) >= 0) {
            // every staged chunk
        }
        assertThat(written).hasSize(2);
        assertThat(written.get(0)).isSameAs(piece);
        assertThat(written.get(1)).containsExactly(2, 3);
        assertThat(staged.open(0, CHUNK + 2).readAllBytes()).startsWith(1).endsWith(2, 3);
    }

    /** One whole piece to hand over, then bytes that are only read. */
    private static final class Pieces extends ByteArrayInputStream implements ReceivedPieces {
        private byte[] piece;

        Pieces(byte[] piece, byte[] rest) {
            super(rest);
            this.piece = piece;
        }

        @Override
        public byte[] takePiece(int length) {
            byte[] taken = piece != null && piece.length == length ? piece : null;
            piece = null;
            return taken;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            assertThat(piece).as("read before the piece was taken").isNull();
            return super.read(b, off, len);
        }
    }
}
