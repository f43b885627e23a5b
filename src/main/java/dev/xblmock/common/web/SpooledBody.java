package dev.xblmock.common.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.xblmock.common.io.ReceivedPieces;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body received in full (or up to the spool's cap) before its request was handled, as pieces of
 * {@link #PIECE_SIZE} bytes (a known-length body's last piece is exactly its rest). Read by the handler through
 * {@link #stream}, which lets the memory store take whole pieces over ({@link ReceivedPieces}); past the cap the
 * stream fails, so a route whose own limit is larger never mistakes a cut body for a whole one.
 */
final class SpooledBody {

    /** The memory store's chunk size: its chunks are then these pieces, received once and never copied. */
    static final int PIECE_SIZE = 64 * 1024;

    private final List<byte[]> pieces = new ArrayList<>();
    /** Bytes received into the last piece. */
    private int lastFilled;
    private long size;
    private long capacity;
    private boolean cut;

    /** Whether the next bytes need a new piece ({@link #addPiece}). */
    boolean full() {
        return pieces.isEmpty() || lastFilled == pieces.get(pieces.size() - 1).length;
    }

    void addPiece(int pieceCapacity) {
        pieces.add(new byte[pieceCapacity]);
        lastFilled = 0;
        capacity += pieceCapacity;
    }

    /** Where the next bytes go: {@code room()} bytes from {@code offset()} of {@code last()}. */
    byte[] last() {
        return pieces.get(pieces.size() - 1);
    }

    int offset() {
        return lastFilled;
    }

    int room() {
        return last().length - lastFilled;
    }

    /** {@code n} bytes were received at {@link #offset()}. */
    void received(int n) {
        lastFilled += n;
        size += n;
    }

    long size() {
        return size;
    }

    /** Heap the pieces take, received or not yet. */
    long capacity() {
        return capacity;
    }

    /** Reading stopped at the cap: the body goes on beyond what is here. */
    void cut() {
        cut = true;
    }

    private int filled(int piece) {
        return piece == pieces.size() - 1 ? lastFilled : pieces.get(piece).length;
    }

    ServletInputStream stream() {
        return new Stream();
    }

    private final class Stream extends ServletInputStream implements ReceivedPieces {
        private int piece;
        private int position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!skipReadPieces()) {
                if (cut) {
                    throw new IOException("the request body was not read past its first " + size + " bytes");
                }
                return -1;
            }
            int n = Math.min(len, filled(piece) - position);
            System.arraycopy(pieces.get(piece), position, buffer, off, n);
            position += n;
            return n;
        }

        /** A whole, full piece of exactly {@code length} bytes, when the stream stands at its start. */
        @Override
        public byte[] takePiece(int length) {
            if (!skipReadPieces() || position != 0 || pieces.get(piece).length != length || filled(piece) != length) {
                return null;
            }
            return pieces.get(piece++);
        }

        /** Moves to the next piece with bytes left; false at the end of what was received. */
        private boolean skipReadPieces() {
            while (piece < pieces.size() && position == filled(piece)) {
                piece++;
                position = 0;
            }
            return piece < pieces.size();
        }

        @Override
        public boolean isFinished() {
            return !cut && !skipReadPieces();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("a spooled body is read with blocking reads");
        }

        @Override
        public int available() {
            return skipReadPieces() ? filled(piece) - position : 0;
        }
    }
}
