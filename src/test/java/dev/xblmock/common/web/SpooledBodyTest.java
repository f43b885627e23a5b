package dev.xblmock.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;

import dev.xblmock.common.io.ReceivedPieces;
import org.junit.jupiter.api.Test;

/** A spooled body reads back exactly, and hands whole pieces over to a reader that keeps them. */
class SpooledBodyTest {

    private static final int PIECE = SpooledBody.PIECE_SIZE;

    @Test
    void wholePiecesAreHandedOverAndTheRestIsRead() throws IOException {
        SpooledBody body = received(2 * PIECE + 10, PIECE, PIECE, 10);
        InputStream stream = body.stream();
        ReceivedPieces pieces = (ReceivedPieces) stream;

        byte[] first = pieces.takePiece(PIECE);
        assertThat(first).hasSize(PIECE).startsWith((byte) 0, (byte) 1);
        assertThat(pieces.takePiece(PIECE / 2)).as("no piece of another length").isNull();
        assertThat(stream.read()).isEqualTo(PIECE % 251);
        assertThat(pieces.takePiece(PIECE)).as("not at the start of a piece").isNull();
        byte[] rest = stream.readAllBytes();

        assertThat(rest).hasSize(PIECE + 9);
        assertThat(rest[0]).isEqualTo((byte) ((PIECE + 1) % 251));
        assertThat(rest[PIECE + 8]).isEqualTo((byte) ((2 * PIECE + 9) % 251));
        assertThat(pieces.takePiece(10)).as("at the end").isNull();
    }

    @Test
    void aPartlyFilledLastPieceIsReadNotHandedOver() throws IOException {
        SpooledBody body = new SpooledBody();
        body.addPiece(PIECE);
        body.received(PIECE);
        body.addPiece(PIECE);
        body.last()[0] = 42;
        body.received(1);
        ReceivedPieces pieces = (ReceivedPieces) body.stream();

        assertThat(pieces.takePiece(PIECE)).hasSize(PIECE);
        assertThat(pieces.takePiece(PIECE)).isNull();
        assertThat(((InputStream) pieces).readAllBytes()).containsExactly(42);
        assertThat(body.size()).isEqualTo(PIECE + 1);
        assertThat(body.capacity()).isEqualTo(2L * PIECE);
    }

    @Test
    void aCutBodyFailsAtItsEndEvenAfterAHandOver() throws IOException {
        SpooledBody body = received(PIECE, PIECE);
        body.cut();
        InputStream stream = body.stream();

        assertThat(((ReceivedPieces) stream).takePiece(PIECE)).hasSize(PIECE);
        assertThatThrownBy(stream::read).isInstanceOf(IOException.class)
                .hasMessage("the request body was not read past its first " + PIECE + " bytes");
    }

    /** A body of {@code size} bytes (byte i is i % 251) received into pieces of the given capacities. */
    private static SpooledBody received(int size, int... capacities) {
        SpooledBody body = new SpooledBody();
        int position = 0;
        for (int capacity : capacities) {
            body.addPiece(capacity);
            int n = Math.min(capacity, size - position);
            for (int i = 0; i < n; i++) {
                body.last()[i] = (byte) ((position + i) % 251);
            }
            body.received(n);
            position += n;
        }
        return body;
    }
}
