package dev.xblmock.cluster.state;

import java.time.Clock;
import javax.sql.DataSource;

import dev.xblmock.emulator.config.EmulatorProperties;
import dev.xblmock.userstats.RateLimitProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster backend's shared state, in place of the state each process keeps on the other backends (those
 * beans are {@code @Conditional(ProcessLocalState.class)}): every bean here reads and decides through the
 * {@link DataSource} of the cluster configuration, over the tables of the {@code V2*} migrations. Nothing here
 * exists on the memory and filesystem backends.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "xblmock.storage", name = "backend", havingValue = "cluster")
public class ClusterStateConfiguration {

    @Bean
    ClusterRateLimiter clusterRateLimiter(DataSource dataSource, RateLimitProperties properties, Clock clock) {
        return new ClusterRateLimiter(dataSource, properties.userstatsWindows(), clock);
    }

    @Bean
    ClusterTokenSecret clusterTokenSecret(DataSource dataSource) {
        return new ClusterTokenSecret(dataSource);
    }

    @Bean
    ClusterCertificateAuthorityStore clusterCertificateAuthorityStore(DataSource dataSource) {
        return new ClusterCertificateAuthorityStore(dataSource);
    }

    @Bean
    ClusterRequestJournal clusterRequestJournal(DataSource dataSource, EmulatorProperties properties) {
        return new ClusterRequestJournal(dataSource, properties);
    }

    @Bean
    ClusterStatsCatalog clusterStatsCatalog(DataSource dataSource) {
        return new ClusterStatsCatalog(dataSource);
    }

    @Bean
    ClusterFaultRules clusterFaultRules(DataSource dataSource, EmulatorProperties properties) {
        return new ClusterFaultRules(dataSource, properties.faults().maxDelay());
    }
}
