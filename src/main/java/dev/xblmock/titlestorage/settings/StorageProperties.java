package dev.xblmock.titlestorage.settings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.xblmock.common.web.RequestBodyLimit;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.web.StorageRootConverter;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code xblmock.storage.*}: the storage backend and every Title Storage limit, with the SPEC's defaults.
 * Per-root maps are keyed by the root's path segment ({@code global}, {@code trustedplatform}, …;
 * {@link StorageRootConverter}). Validated when bound: a bad value stops the start naming it.
 */
@ConfigurationProperties("xblmock.storage")
@Validated
@StorageProperties.BlocksFitRequests
public record StorageProperties(
        @NotNull @DefaultValue("memory") Backend backend,
        Path dir,
        @Positive @DefaultValue("268435456") long maxBlobBytes,
        @Positive @DefaultValue("4194304") long maxRequestBytes,
        @PositiveOrZero @DefaultValue("1024") long minBlockBytes,
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1 second") @DefaultValue("15m") Duration uploadIdleTimeout,
        @NotNull @DefaultValue("soft") QuotaEnforcement quotaEnforcement,
        Map<StorageRoot, @NotNull @PositiveOrZero Long> quotaBytes,
        Map<StorageRoot, @NotNull ReadAccess> readAccess,
        @Positive @DefaultValue("4096") int maxStagedUploads,
        @Positive Long maxStagedBytes,
        @Positive Long maxStagedMemoryBytes) implements RequestBodyLimit {

    public enum Backend { MEMORY, FILESYSTEM, CLUSTER }

    public enum QuotaEnforcement { SOFT, HARD }

    /** Who may read another user's per-user storage (SPEC 1.2). */
    public enum ReadAccess { EVERYONE, OWNER }

    private static final Map<StorageRoot, Long> DEFAULT_QUOTAS = Map.of(
            StorageRoot.GLOBAL, 268_435_456L,
            StorageRoot.TRUSTED_PLATFORM, 268_435_456L,
            StorageRoot.UNIVERSAL_PLATFORM, 268_435_456L,
            StorageRoot.UNTRUSTED_PLATFORM, 67_108_864L,
            StorageRoot.JSON, 67_108_864L,
            StorageRoot.SESSIONS, 67_108_864L);

    public StorageProperties {
        quotaBytes = quotaBytes == null ? Map.of() : Map.copyOf(quotaBytes);
        readAccess = readAccess == null ? Map.of() : Map.copyOf(readAccess);
    }

    @Override
    public long maxRequestBodyBytes() {
        return maxRequestBytes;
    }

    public long quotaBytesFor(StorageRoot root) {
        return quotaBytes.getOrDefault(root, DEFAULT_QUOTAS.get(root));
    }

    /** The filesystem and cluster backends' default for {@link #stagedBytesLimit()}: 4 GiB of disk or bucket. */
    static final long DEFAULT_STAGED_DISK_BYTES = 4L << 30;

    /**
     * Bytes all unfinished uploads may hold: as configured ({@code max-staged-bytes}, or its former name
     * {@code max-staged-memory-bytes}), else a quarter of the maximum heap for the memory backend and 4 GiB
     * (of disk, or of the bucket per instance) for the filesystem and cluster backends.
     */
    public long stagedBytesLimit() {
        if (maxStagedBytes != null) {
            return maxStagedBytes;
        }
        if (maxStagedMemoryBytes != null) {
            return maxStagedMemoryBytes;
        }
        return backend == Backend.MEMORY ? Runtime.getRuntime().maxMemory() / 4 : DEFAULT_STAGED_DISK_BYTES;
    }

    public ReadAccess readAccessFor(StorageRoot root) {
        return readAccess.getOrDefault(root, ReadAccess.EVERYONE);
    }

    /** A non-final block must fit in one request: {@code min-block-bytes} at most {@code max-request-bytes}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = BlocksFitRequestsValidator.class)
    @interface BlocksFitRequests {
        String message() default "must not be larger than xblmock.storage.max-request-bytes, or no multi-block "
                + "upload could send a non-final block";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class BlocksFitRequestsValidator implements ConstraintValidator<BlocksFitRequests, StorageProperties> {

        @Override
        public boolean isValid(StorageProperties properties, ConstraintValidatorContext context) {
            if (properties == null || properties.minBlockBytes() <= properties.maxRequestBytes()) {
                return true;
            }
            // reported on min-block-bytes, so the failure report names that property and its value
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("minBlockBytes").addConstraintViolation();
            return false;
        }
    }
}
