package dev.xblmock.titlestorage.settings;

import dev.xblmock.common.web.RequestBodyLimit;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code xblmock.batch.*}: limits of the batch download (SPEC 3.9).
 *
 * @param maxXuids     how many entries {@code xuids} may hold (SPEC default 100)
 * @param maxBodyBytes the largest request body read; unset means 64 KiB per 100 allowed entries (at least
 *                     64 KiB), far more than {@code maxXuids} 20-digit strings need, even pretty-printed
 */
@ConfigurationProperties("xblmock.batch")
@Validated
public record BatchProperties(@Min(1) @DefaultValue("100") int maxXuids, @Positive Long maxBodyBytes)
        implements RequestBodyLimit {

    private static final long BODY_BYTES_PER_100_XUIDS = 64 * 1024;

    @Override
    public long maxRequestBodyBytes() {
        return bodyLimit();
    }

    /** The request body limit in effect. */
    public long bodyLimit() {
        if (maxBodyBytes != null) {
            return maxBodyBytes;
        }
        long scaled = (maxXuids * BODY_BYTES_PER_100_XUIDS + 99) / 100;
        return Math.max(BODY_BYTES_PER_100_XUIDS, scaled);
    }
}
