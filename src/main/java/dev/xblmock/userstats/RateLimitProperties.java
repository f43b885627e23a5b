package dev.xblmock.userstats;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code xblmock.rate-limit.*} (SPEC 4.3): off by default; when on, User Statistics reads are limited per
 * (caller, service) by two sliding windows, a short burst window and a long sustain window.
 *
 * @param enabled    whether reads are limited at all
 * @param maxCallers callers tracked at once (the least recently seen is forgotten first), bounding memory
 * @param userstats  the User Statistics windows
 */
@ConfigurationProperties("xblmock.rate-limit")
@Validated
public record RateLimitProperties(
        @DefaultValue("false") boolean enabled,
        @Min(1) @DefaultValue("1000") int maxCallers,
        @Valid @DefaultValue Limits userstats) {

    /** The User Statistics windows: burst, then sustain. */
    public List<RateLimiter.Window> userstatsWindows() {
        return List.of(new RateLimiter.Window(userstats.burstRequests(), userstats.burstPeriod()),
                new RateLimiter.Window(userstats.sustainRequests(), userstats.sustainPeriod()));
    }

    /** Burst: {@code burstRequests} per {@code burstPeriod}; sustain: {@code sustainRequests} per {@code sustainPeriod}. */
    public record Limits(
            @Min(1) @DefaultValue("100") int burstRequests,
            @NotNull @DurationMin(seconds = 1, message = "must be at least 1 second") @DefaultValue("15s") Duration burstPeriod,
            @Min(1) @DefaultValue("300") int sustainRequests,
            @NotNull @DurationMin(seconds = 1, message = "must be at least 1 second") @DefaultValue("300s") Duration sustainPeriod) {
    }
}
