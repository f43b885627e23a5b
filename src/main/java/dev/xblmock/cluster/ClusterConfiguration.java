package dev.xblmock.cluster;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The engines of the cluster backend ({@code xblmock.storage.backend=cluster}): the PostgreSQL pool, its schema
 * migrated by Flyway from {@code classpath:db/migration}, and the S3 bucket. Every bean is lazy and only the
 * cluster backend's stores ask for them, so the memory and filesystem backends create none of them (and Boot's
 * own DataSource and Flyway auto-configurations are not imported: see XblMockApplication). A problem is reported
 * at startup as a {@link ClusterStartupException} naming the property or the bucket concerned.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

    /** Connections per instance: enough for Tomcat's busy threads, few enough for many instances on one server. */
    static final int POOL_SIZE = 16;

    /** The pool, after Flyway brought the schema up to date (V1.x: blobs, uploads, stats; V2.x: shared state). */
    @Bean(destroyMethod = "close")
    @Lazy
    HikariDataSource clusterDataSource(ClusterProperties properties) {
        requireComplete(properties);
        HikariConfig config = new HikariConfig();
        config.setPoolName("xblmock-cluster");
        config.setJdbcUrl(properties.jdbcUrl());
        config.setUsername(properties.jdbcUsername());
        config.setPassword(properties.jdbcPassword());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new ClusterStartupException("Cannot connect to the cluster database " + properties.jdbcUrl() + ": "
                    + rootMessage(e), "Check that PostgreSQL runs there and accepts xblmock.cluster.jdbc-username "
                    + "and xblmock.cluster.jdbc-password.", e);
        }
        try {
            migrate(dataSource);
        } catch (FlywayException e) {
            dataSource.close();
            throw new ClusterStartupException("Cannot bring the schema of the cluster database "
                    + properties.jdbcUrl() + " up to date: " + rootMessage(e), "The database user needs the right to "
                    + "create tables; a database used by a newer xblmock cannot be used by an older one.", e);
        }
        return dataSource;
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** The client and the bucket, which must exist: xblmock creates no bucket (permissions and region are yours). */
    @Bean
    @Lazy
    ClusterBucket clusterBucket(ClusterProperties properties) {
        requireComplete(properties);
        S3Client s3 = s3Client(properties.s3());
        String bucket = properties.s3().bucket();
        String where = properties.s3().endpoint() == null ? "AWS S3 (" + properties.s3().region() + ")"
                : properties.s3().endpoint();
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.close();
            throw new ClusterStartupException("The bucket '" + bucket + "' (xblmock.cluster.s3.bucket) does not exist "
                    + "at " + where + ".", "Create the bucket, or point xblmock.cluster.s3.bucket at one that exists.", e);
        } catch (S3Exception e) {
            s3.close();
            throw new ClusterStartupException("The bucket '" + bucket + "' (xblmock.cluster.s3.bucket) at " + where
                    + " cannot be used: HTTP " + e.statusCode() + " " + e.awsErrorDetails().errorCode() + ".",
                    "Check xblmock.cluster.s3.access-key, xblmock.cluster.s3.secret-key and the bucket's permissions; "
                    + "MinIO, Ceph and S3Proxy need xblmock.cluster.s3.path-style=true.", e);
        } catch (SdkClientException e) {
            s3.close();
            throw new ClusterStartupException("Cannot reach the object store at " + where + " for the bucket '" + bucket
                    + "': " + rootMessage(e), "Check xblmock.cluster.s3.endpoint and that the object store runs.", e);
        }
        return new ClusterBucket(s3, bucket);
    }

    /**
     * The JDK's HttpURLConnection client: it streams request bodies of known length and responses, keeps
     * connections alive, and needs no other library (the Apache and Netty clients bring several). Checksums only
     * where S3 requires them: the SDK's default trailing checksums (aws-chunked uploads) are not understood by
     * every S3-compatible store.
     */
    static S3Client s3Client(ClusterProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .credentialsProvider(credentials(s3))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s3.endpoint() != null) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(ClusterProperties.S3 s3) {
        if (s3.accessKey() == null || s3.accessKey().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
    }

    private static void requireComplete(ClusterProperties properties) {
        if (!properties.missing().isEmpty()) {
            throw new ClusterStartupException("xblmock.storage.backend=cluster needs " + String.join(" and ",
                    properties.missing()) + ".", "Set them (environment variables work too, e.g. "
                    + "XBLMOCK_CLUSTER_JDBCURL), or use xblmock.storage.backend=memory or filesystem.", null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof SQLException sql && sql.getSQLState() != null) {
            return sql.getMessage() + " (SQL state " + sql.getSQLState() + ")";
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
