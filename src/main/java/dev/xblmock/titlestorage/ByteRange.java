package dev.xblmock.titlestorage;

import java.util.Map;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;

/**
 * One requested byte range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}), resolved against a
 * blob's size. An end past the last byte is clamped (the C# port asks one byte too many).
 */
public record ByteRange(Long first, Long last, Long suffixLength) {

    /** The resolved range: {@code offset} and {@code length} within the blob. */
    public record Resolved(long offset, long length, long total) {

        public String contentRange() {
            return "bytes " + offset + "-" + (offset + length - 1) + "/" + total;
        }
    }

    public static ByteRange fromTo(long first, Long last) {
        return new ByteRange(first, last, null);
    }

    public static ByteRange suffix(long length) {
        return new ByteRange(null, null, length);
    }

    /** 416 with {@code Content-Range: bytes *}{@code /size} when the start is at or past the end. */
    public Resolved resolve(long size) {
        if (suffixLength != null) {
            if (suffixLength == 0 || size == 0) {
                throw unsatisfiable(size);
            }
            long length = Math.min(suffixLength, size);
            return new Resolved(size - length, length, size);
        }
        if (first >= size) {
            throw unsatisfiable(size);
        }
        long end = last == null ? size - 1 : Math.min(last, size - 1);
        return new Resolved(first, end - first + 1, size);
    }

    private XblException unsatisfiable(long size) {
        return new XblException(ErrorCode.RANGE_NOT_SATISFIABLE, 416,
                "Range " + this.describe() + " starts at or past the end of the " + size + "-byte blob.",
                Map.of("Content-Range", "bytes */" + size));
    }

    private String describe() {
        return suffixLength != null ? "bytes=-" + suffixLength : "bytes=" + first + "-" + (last == null ? "" : last);
    }
}
