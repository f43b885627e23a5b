package dev.xblmock.titlestorage;

/**
 * One GET's parameters: conditions, an optional single range, {@code select}, {@code customSelector}
 * and the caller's first Accept-Language tag (each null when absent).
 */
public record DownloadCommand(Preconditions preconditions, ByteRange range, String select, String customSelector,
                              String locale) {
}
