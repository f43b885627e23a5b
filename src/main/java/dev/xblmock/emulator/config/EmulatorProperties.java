package dev.xblmock.emulator.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The control plane's settings: {@code xblmock.seed} (a manifest file, or a directory holding
 * {@code seed.yaml}/{@code seed.json}; unset = start empty), {@code xblmock.control-plane.enabled},
 * {@code xblmock.control-plane.max-manifest-bytes}, {@code xblmock.control-plane.allowed-hosts},
 * {@code xblmock.journal.capacity} (0 disables the journal), {@code xblmock.journal.stream-subscribers},
 * {@code xblmock.journal.stream-queue}
 * and {@code xblmock.faults.max-delay}.
 */
@ConfigurationProperties("xblmock")
@Validated
public record EmulatorProperties(Path seed,
                                 @Valid @DefaultValue ControlPlane controlPlane,
                                 @Valid @DefaultValue Journal journal,
                                 @Valid @DefaultValue Faults faults) {

    /**
     * {@code maxManifestBytes} bounds a seed manifest (posted or the startup file, blob files not included);
     * {@code allowedHosts} are the host names, besides loopback names and IP addresses, that the control plane
     * answers ({@code *}: any).
     */
    public record ControlPlane(@DefaultValue("true") boolean enabled,
                               @Positive @DefaultValue("67108864") long maxManifestBytes,
                               List<String> allowedHosts) {

        public ControlPlane {
            allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        }
    }

    /**
     * {@code streamSubscribers} bounds the live streams ({@code GET /_emulator/requests/stream}, the fixture's
     * listeners); each buffers at most {@code streamQueue} entries between two batches, or is dropped.
     */
    public record Journal(@PositiveOrZero @DefaultValue("1000") int capacity,
                          @Positive @DefaultValue("8") int streamSubscribers,
                          @Positive @DefaultValue("10000") int streamQueue) {
    }

    /** {@code maxDelay} bounds a rule's {@code delayMs}, so a typo cannot park server threads for hours. */
    public record Faults(@NotNull @DurationMin(millis = 0, message = "must not be negative") @DefaultValue("10m") Duration maxDelay) {
    }
}
