package dev.xblmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import dev.xblmock.cluster.ClusterProperties;
import dev.xblmock.common.identity.AuthProperties;
import dev.xblmock.common.web.HttpProperties;
import dev.xblmock.emulator.config.EmulatorProperties;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.settings.BatchProperties;
import dev.xblmock.titlestorage.settings.StorageProperties;
import dev.xblmock.titlestorage.web.StorageRootConverter;
import dev.xblmock.tls.ProxyProperties;
import dev.xblmock.tls.TlsProperties;
import dev.xblmock.userstats.RateLimitProperties;
import dev.xblmock.userstats.StatsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Every {@code @ConfigurationProperties} record is validated when it is bound: a bad value stops the start with
 * Spring Boot's failure report naming the property, the value and the rule. The records are bound as the server
 * binds them (same binder, same validator, same converters), in a context that holds nothing else; the report's
 * description comes from Spring Boot's own failure analyzers, as at a real start (logging is off, to keep the
 * test quiet).
 */
class ConfigurationValidationTest {

    private static final List<FailureAnalyzer> ANALYZERS = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { }));

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({StorageProperties.class, BatchProperties.class, AuthProperties.class,
            EmulatorProperties.class, TlsProperties.class, ProxyProperties.class, StatsProperties.class,
            RateLimitProperties.class, HttpProperties.class, ClusterProperties.class})
    @ImportAutoConfiguration(ValidationAutoConfiguration.class)
    @Import(StorageRootConverter.class)
    static class Properties {
    }

    private static ConfigurableApplicationContext start(String... properties) {
        String[] args = new String[properties.length + 2];
        args[0] = "--spring.main.banner-mode=off";
        args[1] = "--logging.level.root=OFF";
        for (int i = 0; i < properties.length; i++) {
            args[i + 2] = "--" + properties[i];
        }
        return new SpringApplicationBuilder(Properties.class).web(WebApplicationType.NONE).run(args);
    }

    /** The description of the failure report a start with these properties ends with. */
    private static String failureReport(String... properties) {
        Throwable failure = catchThrowable(() -> start(properties).close());
        assertThat(failure).as("the start fails").isNotNull();
        for (FailureAnalyzer analyzer : ANALYZERS) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis.getDescription();
            }
        }
        throw new AssertionError("no failure analysis for " + failure);
    }

    /**
     * Each case: the property set, its value, then the report's "Property" (Boot names a record component in camel
     * case; the "Origin" line, when there is one, has the name as written), the reported value and the rule.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            // StorageProperties
            "xblmock.storage.max-blob-bytes | -1 | xblmock.storage.maxBlobBytes | -1 | must be greater than 0",
            "xblmock.storage.max-request-bytes | 0 | xblmock.storage.maxRequestBytes | 0 | must be greater than 0",
            "xblmock.storage.min-block-bytes | 4194305 | xblmock.storage.minBlockBytes | 4194305 | must not be larger than xblmock.storage.max-request-bytes, or no multi-block upload could send a non-final block",
            "xblmock.storage.upload-idle-timeout | 0s | xblmock.storage.uploadIdleTimeout | PT0S | must be at least 1 second",
            "xblmock.storage.quota-bytes.global | -5 | xblmock.storage.quotaBytes[GLOBAL] | -5 | must be greater than or equal to 0",
            "xblmock.storage.max-staged-memory-bytes | 0 | xblmock.storage.maxStagedMemoryBytes | 0 | must be greater than 0",
            "xblmock.storage.max-staged-uploads | 0 | xblmock.storage.maxStagedUploads | 0 | must be greater than 0",
            "xblmock.storage.max-staged-bytes | 0 | xblmock.storage.maxStagedBytes | 0 | must be greater than 0",
            // HttpProperties
            "xblmock.http.response-stall-timeout | 0s | xblmock.http.responseStallTimeout | PT0S | must be positive",
            "xblmock.http.request-body-timeout | -1s | xblmock.http.requestBodyTimeout | PT-1S | must be positive",
            "xblmock.http.max-spooled-bytes | 0 | xblmock.http.maxSpooledBytes | 0B | must be at least 1 byte",
            // BatchProperties
            "xblmock.batch.max-xuids | 0 | xblmock.batch.maxXuids | 0 | must be greater than or equal to 1",
            "xblmock.batch.max-body-bytes | -1 | xblmock.batch.maxBodyBytes | -1 | must be greater than 0",
            // EmulatorProperties (nested records)
            "xblmock.control-plane.max-manifest-bytes | 0 | xblmock.controlPlane.maxManifestBytes | 0 | must be greater than 0",
            "xblmock.journal.capacity | -1 | xblmock.journal.capacity | -1 | must be greater than or equal to 0",
            "xblmock.faults.max-delay | -1s | xblmock.faults.maxDelay | PT-1S | must not be negative",
            // TlsProperties
            "xblmock.tls.port | 70000 | xblmock.tls.port | 70000 | must be less than or equal to 65535",
            "xblmock.tls.extra-names[0] | ' ' | xblmock.tls.extraNames[0] | ' ' | must not be blank",
            // ProxyProperties
            "xblmock.proxy.port | -1 | xblmock.proxy.port | -1 | must be greater than or equal to 0",
            "xblmock.proxy.idle-timeout | 0s | xblmock.proxy.idleTimeout | PT0S | must be positive",
            "xblmock.proxy.max-connections | 0 | xblmock.proxy.maxConnections | 0 | must be greater than or equal to 1",
            "xblmock.proxy.max-header-bytes | 255 | xblmock.proxy.maxHeaderBytes | 255 | must be greater than or equal to 256",
            // StatsProperties
            "xblmock.stats.max-users | 0 | xblmock.stats.maxUsers | 0 | must be greater than or equal to 1",
            "xblmock.stats.max-request-bytes | 0B | xblmock.stats.maxRequestBytes | 0B | must be from 1 to 2147483639 bytes",
            "xblmock.stats.max-request-bytes | 3GB | xblmock.stats.maxRequestBytes | 3221225472B | must be from 1 to 2147483639 bytes",
            // RateLimitProperties (nested record)
            "xblmock.rate-limit.max-callers | 0 | xblmock.rate-limit.maxCallers | 0 | must be greater than or equal to 1",
            "xblmock.rate-limit.userstats.burst-requests | 0 | xblmock.rate-limit.userstats.burstRequests | 0 | must be greater than or equal to 1",
            "xblmock.rate-limit.userstats.sustain-period | 500ms | xblmock.rate-limit.userstats.sustainPeriod | PT0.5S | must be at least 1 second",
            // ClusterProperties (nested record)
            "xblmock.cluster.jdbc-url | jdbc:mysql://db/x | xblmock.cluster.jdbcUrl | jdbc:mysql://db/x | must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)",
            "xblmock.cluster.s3.endpoint | minio:9000 | xblmock.cluster.s3.endpoint | minio:9000 | must be an http:// or https:// URL of a host, with no path",
            "xblmock.cluster.s3.endpoint | http://minio:9000/bucket | xblmock.cluster.s3.endpoint | http://minio:9000/bucket | must be an http:// or https:// URL of a host, with no path",
            "xblmock.cluster.s3.bucket | My_Bucket | xblmock.cluster.s3.bucket | My_Bucket | must be an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens",
            "xblmock.cluster.s3.region | US East | xblmock.cluster.s3.region | US East | must be a region name such as us-east-1",
    })
    void aBadValueStopsTheStartNamingPropertyValueAndRule(String property, String value, String reported,
                                                           String reportedValue, String rule) {
        assertThat(failureReport(property + "=" + value))
                .contains("Property: " + reported + "\n    Value: \"" + reportedValue + "\"")
                .containsPattern("Reason: " + java.util.regex.Pattern.quote(rule) + "(\n|$)");
    }

    @Test
    void aMistypedStorageRootStopsTheStart() {
        assertThat(failureReport("xblmock.storage.quota-bytes.globl=5"))
                .contains("Failed to bind properties under 'xblmock.storage.quota-bytes'")
                .contains("'globl' is not a storage root; use one of global, trustedplatform, universalplatform, "
                        + "untrustedplatform, json, sessions");
    }

    @Test
    void goodValuesBindAndPerRootMapsAreKeyedByTheRoot() {
        try (ConfigurableApplicationContext context = start("xblmock.storage.quota-bytes.global=5",
                "xblmock.storage.read-access.trustedplatform=owner", "xblmock.storage.min-block-bytes=4194304",
                "xblmock.faults.max-delay=0s", "xblmock.journal.capacity=0", "xblmock.tls.port=0")) {
            StorageProperties storage = context.getBean(StorageProperties.class);
            assertThat(storage.quotaBytesFor(StorageRoot.GLOBAL)).isEqualTo(5);
            assertThat(storage.quotaBytesFor(StorageRoot.JSON)).isEqualTo(67_108_864);
            assertThat(storage.readAccessFor(StorageRoot.TRUSTED_PLATFORM)).isEqualTo(StorageProperties.ReadAccess.OWNER);
            assertThat(storage.readAccessFor(StorageRoot.UNIVERSAL_PLATFORM)).isEqualTo(StorageProperties.ReadAccess.EVERYONE);
        }
        try (ConfigurableApplicationContext context = start("xblmock.cluster.jdbc-url=jdbc:postgresql://db:5432/xblmock",
                "xblmock.cluster.s3.endpoint=http://minio:9000", "xblmock.cluster.s3.bucket=xblmock-blobs",
                "xblmock.cluster.s3.path-style=true")) {
            ClusterProperties cluster = context.getBean(ClusterProperties.class);
            assertThat(cluster.s3().region()).isEqualTo("us-east-1");
            assertThat(cluster.s3().pathStyle()).isTrue();
            assertThat(cluster.missing()).isEmpty();
        }
    }
}
