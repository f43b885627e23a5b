package dev.xblmock.userstats;

import dev.xblmock.common.RequestBodyLimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
public record StatsProperties(
        @DefaultValue("100") int maxUsers,
        @DefaultValue("16") int maxScids,
        @DefaultValue("100") int maxStatsPerScid,
        @DefaultValue("100") int maxNames,
        @DefaultValue("16") int maxGroups,
        @DefaultValue("1MB") DataSize maxRequestBytes) implements RequestBodyLimit {

    public StatsProperties {
        requirePositive(maxUsers, "max-users");
        requirePositive(maxScids, "max-scids");
        requirePositive(maxStatsPerScid, "max-stats-per-scid");
        requirePositive(maxNames, "max-names");
        requirePositive(maxGroups, "max-groups");
        if (maxRequestBytes.toBytes() < 1 || maxRequestBytes.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("xblmock.stats.max-request-bytes must be between 1 byte and 2 GB");
        }
    }

    @Override
    public long maxRequestBodyBytes() {
        return maxRequestBytes.toBytes();
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("xblmock.stats." + name + " must be at least 1, not " + value);
        }
    }

    /** The defaults of the SPEC, for tests and tools that build the service by hand. */
    public static StatsProperties defaults() {
        return new StatsProperties(100, 16, 100, 100, 16, DataSize.ofMegabytes(1));
    }
}
