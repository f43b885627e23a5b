package dev.xblmock.titlestorage;

import java.util.Optional;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.titlestorage.domain.Etag;
import dev.xblmock.titlestorage.store.BlobMetadata;

/**
 * {@code If-Match} / {@code If-None-Match} of one request (SPEC 3.2–3.5, 7). Values may be lists; each item
 * is compared after stripping {@code W/} and quotes; {@code *} matches any existing blob; the literal
 * {@code InvalidETagValue} (sent by XSAPI on unconditional calls) matches nothing.
 */
public record Preconditions(String ifMatch, String ifNoneMatch) {

    public static final Preconditions NONE = new Preconditions(null, null);

    public enum ReadOutcome { PROCEED, NOT_MODIFIED }

    /** GET: 412 when If-Match fails; NOT_MODIFIED when If-None-Match matches. */
    public ReadOutcome checkRead(Optional<BlobMetadata> current) {
        if (ifMatch != null && !matches(ifMatch, current)) {
            throw failed("If-Match", ifMatch, current);
        }
        if (ifNoneMatch != null && matches(ifNoneMatch, current)) {
            return ReadOutcome.NOT_MODIFIED;
        }
        return ReadOutcome.PROCEED;
    }

    /** PUT (first and final block): If-Match must match; If-None-Match must not. */
    public void checkWrite(Optional<BlobMetadata> current) {
        if (ifMatch != null && !matches(ifMatch, current)) {
            throw failed("If-Match", ifMatch, current);
        }
        if (ifNoneMatch != null && matches(ifNoneMatch, current)) {
            throw failed("If-None-Match", ifNoneMatch, current);
        }
    }

    /** DELETE: only If-Match counts. */
    public void checkDelete(Optional<BlobMetadata> current) {
        if (ifMatch != null && !matches(ifMatch, current)) {
            throw failed("If-Match", ifMatch, current);
        }
    }

    private static boolean matches(String header, Optional<BlobMetadata> current) {
        if (current.isEmpty()) {
            return false;
        }
        Etag etag = current.get().etag();
        for (String item : header.split(",")) {
            String value = item.trim();
            if (value.equals("*") || (!value.isEmpty() && etag.matches(value))) {
                return true;
            }
        }
        return false;
    }

    private static XblException failed(String header, String value, Optional<BlobMetadata> current) {
        String state = current.map(m -> "the current ETag is " + m.etag()).orElse("the blob does not exist");
        return XblException.of(ErrorCode.PRECONDITION_FAILED, "%s '%s' failed: %s.", header, value, state);
    }
}
