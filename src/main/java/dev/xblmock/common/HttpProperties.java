package dev.xblmock.common;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code xblmock.http.*}: how long a response may stall and a request body may take to arrive, and how much
 * memory the bodies being received may hold together (see {@link NonBlockingBody}, {@link RequestBodySpooler}).
 *
 * @param responseStallTimeout the longest a response body may go without the client taking a byte
 * @param requestBodyTimeout   the longest a request body may take to arrive, from the request's start
 * @param maxSpooledBytes      bytes all request bodies being received may hold; default an eighth of the heap
 */
@ConfigurationProperties("xblmock.http")
public record HttpProperties(@DefaultValue("30s") Duration responseStallTimeout,
                             @DefaultValue("60s") Duration requestBodyTimeout, DataSize maxSpooledBytes) {

    public HttpProperties {
        requirePositive(responseStallTimeout, "response-stall-timeout");
        requirePositive(requestBodyTimeout, "request-body-timeout");
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("xblmock.http." + name + " must be positive, not " + duration);
        }
    }

    public long spooledBytesLimit() {
        return maxSpooledBytes != null ? maxSpooledBytes.toBytes() : Runtime.getRuntime().maxMemory() / 8;
    }
}
