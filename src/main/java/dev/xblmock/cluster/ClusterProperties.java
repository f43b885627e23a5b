package dev.xblmock.cluster;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code xblmock.cluster.*}: the PostgreSQL database and the S3 bucket the cluster backend
 * ({@code xblmock.storage.backend=cluster}) keeps its state in. Each value is checked when bound, on every
 * backend; which ones are required is checked only when the cluster backend starts ({@link #missing()}), so the
 * other backends start without them.
 *
 * @param jdbcUrl      {@code jdbc:postgresql://host:port/database}; required
 * @param jdbcUsername may be left out when the URL or the driver's defaults name the user
 * @param jdbcPassword may be left out when the server needs none
 */
@ConfigurationProperties("xblmock.cluster")
@Validated
public record ClusterProperties(
        @Pattern(regexp = "jdbc:postgresql:.+", message = "must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)")
        String jdbcUrl,
        String jdbcUsername,
        String jdbcPassword,
        @Valid @NotNull @DefaultValue S3 s3) {

    /**
     * @param endpoint  the object store's URL ({@code http://minio:9000}); left out, AWS S3's endpoint for the region
     * @param region    the signing region; {@code us-east-1} unless set (MinIO, Ceph and S3Proxy accept any)
     * @param bucket    required; it must exist
     * @param accessKey with {@code secret-key}; both left out, the AWS SDK's default credential chain
     * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: MinIO, Ceph and
     *                  S3Proxy need it
     */
    public record S3(
            @Pattern(regexp = "https?://[^/?#\\s]+/?", message = "must be an http:// or https:// URL of a host, with no path")
            String endpoint,
            @NotNull @Pattern(regexp = "[a-z0-9-]+", message = "must be a region name such as us-east-1")
            @DefaultValue("us-east-1") String region,
            @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
                    message = "must be an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens")
            String bucket,
            String accessKey,
            String secretKey,
            @DefaultValue("false") boolean pathStyle) {
    }

    /** The properties the cluster backend needs that are not set, by their full names; empty when it can start. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (blank(jdbcUrl)) {
            missing.add("xblmock.cluster.jdbc-url");
        }
        if (blank(s3.bucket())) {
            missing.add("xblmock.cluster.s3.bucket");
        }
        if (blank(s3.accessKey()) != blank(s3.secretKey())) {
            missing.add(blank(s3.accessKey()) ? "xblmock.cluster.s3.access-key" : "xblmock.cluster.s3.secret-key");
        }
        return missing;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
