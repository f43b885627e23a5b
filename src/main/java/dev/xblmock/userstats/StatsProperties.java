package dev.xblmock.userstats;

import dev.xblmock.common.config.DataSizeRange;
import dev.xblmock.common.web.RequestBodyLimit;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code xblmock.stats.*}: the User Statistics limits (SPEC 4), with the SPEC's defaults.
 *
 * @param maxUsers        users in one batch ({@code requestedusers}, {@code xuids})
 * @param maxScids        scids in one batch
 * @param maxStatsPerScid stats asked for one scid in one batch
 * @param maxNames        stat names in one single-user GET
 * @param maxGroups       groups in one v2 batch
 * @param maxRequestBytes size of a batch or control-plane JSON body
 */
@ConfigurationProperties("xblmock.stats")
@Validated
public record StatsProperties(
        @Min(1) @DefaultValue("100") int maxUsers,
        @Min(1) @DefaultValue("16") int maxScids,
        @Min(1) @DefaultValue("100") int maxStatsPerScid,
        @Min(1) @DefaultValue("100") int maxNames,
        @Min(1) @DefaultValue("16") int maxGroups,
        // a body is read into one array, so at most an array's length
        @NotNull @DataSizeRange(min = 1, max = Integer.MAX_VALUE - 8) @DefaultValue("1MB") DataSize maxRequestBytes)
        implements RequestBodyLimit {

    @Override
    public long maxRequestBodyBytes() {
        return maxRequestBytes.toBytes();
    }

    /** The defaults of the SPEC, for tests and tools that build the service by hand. */
    public static StatsProperties defaults() {
        return new StatsProperties(100, 16, 100, 100, 16, DataSize.ofMegabytes(1));
    }
}
