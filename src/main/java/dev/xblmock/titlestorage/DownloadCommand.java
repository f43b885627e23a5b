package dev.xblmock.titlestorage;

/**
 * One GET's parameters: conditions, an optional single range, {@code select}, {@code customSelector},
 * the raw Accept-Language header and the caller's title id (each null when absent).
 */
public record DownloadCommand(Preconditions preconditions, ByteRange range, String select, String customSelector,
                              String acceptLanguage, String titleId) {
}
