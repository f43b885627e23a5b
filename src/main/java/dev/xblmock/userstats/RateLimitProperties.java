package dev.xblmock.userstats;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code xblmock.rate-limit.*} (SPEC 4.3): off by default; when on, User Statistics reads are limited per
 * (caller, service) by two sliding windows, a short burst window and a long sustain window.
 *
 * @param enabled    whether reads are limited at all
 * @param maxCallers callers tracked at once (the least recently seen is forgotten first), bounding memory
 * @param userstats  the User Statistics windows
 */
@ConfigurationProperties("xblmock.rate-limit")
public record RateLimitProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("1000") int maxCallers,
        @DefaultValue Limits userstats) {

    public RateLimitProperties {
        if (maxCallers < 1) {
            throw new IllegalArgumentException("xblmock.rate-limit.max-callers must be at least 1");
        }
    }

    /** Burst: {@code burstRequests} per {@code burstPeriod}; sustain: {@code sustainRequests} per {@code sustainPeriod}. */
    public record Limits(
            @DefaultValue("100") int burstRequests,
            @DefaultValue("15s") Duration burstPeriod,
            @DefaultValue("300") int sustainRequests,
            @DefaultValue("300s") Duration sustainPeriod) {

        public Limits {
            if (burstRequests < 1 || sustainRequests < 1) {
                throw new IllegalArgumentException("xblmock.rate-limit request counts must be at least 1");
            }
            if (burstPeriod.toSeconds() < 1 || sustainPeriod.toSeconds() < 1) {
                throw new IllegalArgumentException("xblmock.rate-limit periods must be at least 1 second");
            }
        }
    }
}
