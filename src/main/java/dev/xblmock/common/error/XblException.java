package dev.xblmock.common.error;

import java.util.Map;

import dev.xblmock.common.web.ProblemAdvice;

/**
 * The one exception type for every expected error: it carries a catalogue entry and a detail that names
 * the parameter, header or member at fault and the rule it broke. Rendered by {@link ProblemAdvice}.
 */
public class XblException extends RuntimeException {

    private final ErrorCode errorCode;
    private final int status;
    private final Map<String, String> headers;

    public XblException(ErrorCode errorCode, String detail) {
        this(errorCode, errorCode.status().value(), detail, Map.of());
    }

    public XblException(ErrorCode errorCode, int status, String detail, Map<String, String> headers) {
        super(detail, null, false, false); // expected errors need no stack trace
        this.errorCode = errorCode;
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public static XblException of(ErrorCode errorCode, String detailFormat, Object... args) {
        return new XblException(errorCode, args.length == 0 ? detailFormat : String.format(detailFormat, args));
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    /** Extra response headers, e.g. {@code Content-Range} on a 416 or {@code Retry-After} on a 429. */
    public Map<String, String> headers() {
        return headers;
    }
}
