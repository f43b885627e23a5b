package dev.xblmock.titlestorage;

import java.time.Instant;

/**
 * One PUT's parameters, already parsed: {@code finalBlock} and {@code continuationToken} may be null
 * (absent); {@code contentLength} is null for a chunked body.
 */
public record UploadCommand(Preconditions preconditions, Boolean finalBlock, String continuationToken,
                            Instant clientFileTime, String displayName, Long contentLength) {
}
