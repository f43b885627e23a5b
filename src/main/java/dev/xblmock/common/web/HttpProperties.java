package dev.xblmock.common.web;

import java.time.Duration;

import dev.xblmock.common.config.DataSizeRange;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code xblmock.http.*}: how long a response may stall and a request body may take to arrive, and how much
 * memory the bodies being received may hold together (see {@link NonBlockingBody}, {@link RequestBodySpooler}).
 *
 * @param responseStallTimeout the longest a response body may go without the client taking a byte
 * @param requestBodyTimeout   the longest a request body may take to arrive, from the request's start
 * @param maxSpooledBytes      bytes all request bodies being received may hold; default an eighth of the heap
 */
@ConfigurationProperties("xblmock.http")
@Validated
public record HttpProperties(
        @NotNull @DurationMin(millis = 1, message = "must be positive") @DefaultValue("30s") Duration responseStallTimeout,
        @NotNull @DurationMin(millis = 1, message = "must be positive") @DefaultValue("60s") Duration requestBodyTimeout,
        @DataSizeRange(min = 1, message = "must be at least 1 byte") DataSize maxSpooledBytes) {

    public long spooledBytesLimit() {
        return maxSpooledBytes != null ? maxSpooledBytes.toBytes() : Runtime.getRuntime().maxMemory() / 8;
    }
}
