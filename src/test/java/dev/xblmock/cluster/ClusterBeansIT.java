package dev.xblmock.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xblmock.testsupport.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On the memory (and filesystem) backend nothing of the cluster backend is created, although its libraries are on
 * the class path: no pool, no Flyway, no S3 client, and none of Boot's DataSource or Flyway auto-configuration.
 */
class ClusterBeansIT extends ApiIT {

    @Autowired
    private ConfigurableApplicationContext context;

    @Test
    void otherBackendsCreateNoneOfTheClustersEngines() {
        var beans = context.getBeanFactory();
        assertThat(beans.containsSingleton("clusterDataSource")).isFalse();
        assertThat(beans.containsSingleton("clusterBucket")).isFalse();
        assertThat(context.getBeanNamesForType(javax.sql.DataSource.class, false, false)).containsExactly("clusterDataSource");
        assertThat(context.getBeanNamesForType(org.flywaydb.core.Flyway.class, false, false)).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().startsWith("xblmock-cluster")
                || thread.getName().equals("cluster-blob-sweeper"));
    }
}
