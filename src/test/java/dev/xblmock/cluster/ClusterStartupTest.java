package dev.xblmock.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The cluster backend refuses to start with a report naming what is missing or unreachable. */
class ClusterStartupTest {

    private static final ClusterProperties.S3 NO_S3 = new ClusterProperties.S3(null, "us-east-1", null, null, null, false);

    private static FailureAnalysis analysis(ClusterStartupException failure) {
        return new ClusterStartupFailureAnalyzer().analyze(new IllegalStateException("context failed", failure));
    }

    @Test
    void missingPropertiesAreNamed() {
        ClusterStartupException failure = catchThrowableOfType(ClusterStartupException.class,
                () -> new ClusterConfiguration().clusterDataSource(new ClusterProperties(null, null, null, NO_S3)));

        assertThat(analysis(failure).getDescription()).isEqualTo("xblmock.storage.backend=cluster needs "
                + "xblmock.cluster.jdbc-url and xblmock.cluster.s3.bucket.");
        assertThat(analysis(failure).getAction()).isEqualTo("Set them (environment variables work too, e.g. "
                + "XBLMOCK_CLUSTER_JDBCURL), or use xblmock.storage.backend=memory or filesystem.");
    }

    @Test
    void anAccessKeyWithoutItsSecretIsRefused() {
        ClusterProperties properties = new ClusterProperties("jdbc:postgresql://127.0.0.1:1/x", null, null,
                new ClusterProperties.S3(null, "us-east-1", "bucket", "key", null, false));
        assertThat(properties.missing()).containsExactly("xblmock.cluster.s3.secret-key");
    }

    @Test
    void anUnreachableDatabaseIsNamed() {
        ClusterProperties properties = new ClusterProperties("jdbc:postgresql://127.0.0.1:1/xblmock", "xblmock", null,
                new ClusterProperties.S3(null, "us-east-1", "bucket", null, null, false));

        ClusterStartupException failure = catchThrowableOfType(ClusterStartupException.class,
                () -> new ClusterConfiguration().clusterDataSource(properties));

        assertThat(analysis(failure).getDescription())
                .startsWith("Cannot connect to the cluster database jdbc:postgresql://127.0.0.1:1/xblmock: ");
        assertThat(analysis(failure).getAction()).isEqualTo("Check that PostgreSQL runs there and accepts "
                + "xblmock.cluster.jdbc-username and xblmock.cluster.jdbc-password.");
    }

    @Test
    void aMissingBucketIsNamed() {
        ClusterDatabase.create().close(); // skips where the engines cannot run
        ClusterEngines engines = ClusterEngines.get();
        ClusterProperties properties = new ClusterProperties("jdbc:postgresql://127.0.0.1:1/unused", null, null,
                engines.s3("no-such-bucket"));

        ClusterStartupException failure = catchThrowableOfType(ClusterStartupException.class,
                () -> new ClusterConfiguration().clusterBucket(properties));

        assertThat(analysis(failure).getDescription()).isEqualTo("The bucket 'no-such-bucket' "
                + "(xblmock.cluster.s3.bucket) does not exist at " + engines.endpoint() + ".");
        assertThat(analysis(failure).getAction())
                .isEqualTo("Create the bucket, or point xblmock.cluster.s3.bucket at one that exists.");
    }
}
