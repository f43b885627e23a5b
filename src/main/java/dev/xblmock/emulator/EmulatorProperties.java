package dev.xblmock.emulator;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The control plane's settings: {@code xblmock.seed} (a manifest file, or a directory holding
 * {@code seed.yaml}/{@code seed.json}; unset = start empty), {@code xblmock.control-plane.enabled},
 * {@code xblmock.control-plane.max-manifest-bytes}, {@code xblmock.journal.capacity} (0 disables the journal),
 * {@code xblmock.journal.stream-subscribers}, {@code xblmock.journal.stream-queue}
 * and {@code xblmock.faults.max-delay}.
 */
@ConfigurationProperties("xblmock")
public record EmulatorProperties(Path seed,
                                 @DefaultValue ControlPlane controlPlane,
                                 @DefaultValue Journal journal,
                                 @DefaultValue Faults faults) {

    /** {@code maxManifestBytes} bounds a seed manifest (posted or the startup file, blob files not included). */
    public record ControlPlane(@DefaultValue("true") boolean enabled,
                               @DefaultValue("67108864") long maxManifestBytes) {
    }

    /**
     * {@code streamSubscribers} bounds the live streams ({@code GET /_emulator/requests/stream}, the fixture's
     * listeners); each buffers at most {@code streamQueue} entries between two batches, or is dropped.
     */
    public record Journal(@DefaultValue("1000") int capacity,
                          @DefaultValue("8") int streamSubscribers,
                          @DefaultValue("10000") int streamQueue) {
    }

    /** {@code maxDelay} bounds a rule's {@code delayMs}, so a typo cannot park server threads for hours. */
    public record Faults(@DefaultValue("10m") Duration maxDelay) {
    }
}
