package dev.xblmock.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

import dev.xblmock.common.identity.SharedTokenSecret;
import dev.xblmock.emulator.config.EmulatorProperties;
import dev.xblmock.emulator.faults.FaultRuleSet;
import dev.xblmock.emulator.faults.FaultRules;
import dev.xblmock.emulator.journal.RequestJournal;
import dev.xblmock.tls.CertificateAuthorityStore;
import dev.xblmock.userstats.RateLimitProperties;
import dev.xblmock.userstats.RateLimiter;
import dev.xblmock.userstats.StatsCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Which state the beans keep where: in the process on the memory and filesystem backends (nothing of the cluster
 * is created there), in the shared database on the cluster backend (and no process-local twin beside it).
 */
class ClusterStateConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(FaultRules.class, RequestJournal.class, StatsCatalog.class,
                    ClusterStateConfiguration.class)
            // the journal disabled, so that nothing reads the (unreachable) database while the context starts
            .withBean(EmulatorProperties.class, () -> new EmulatorProperties(null,
                    new EmulatorProperties.ControlPlane(false, 1024, null), new EmulatorProperties.Journal(0, 8, 10_000),
                    new EmulatorProperties.Faults(Duration.ofMinutes(10))))
            .withBean(RateLimitProperties.class, () -> new RateLimitProperties(true, 10,
                    new RateLimitProperties.Limits(100, Duration.ofSeconds(15), 300, Duration.ofSeconds(300))))
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(DataSource.class, SimpleDriverDataSource::new);

    @Test
    void inProcessBackendsKeepTheirOwnStateAndCreateNothingOfTheCluster() {
        for (String backend : new String[] {null, "memory", "filesystem"}) {
            context.withPropertyValues(backend == null ? "unrelated=1" : "xblmock.storage.backend=" + backend).run(ctx -> {
                assertThat(ctx.getBean(FaultRuleSet.class)).isExactlyInstanceOf(FaultRules.class);
                assertThat(ctx.getBean(RequestJournal.class)).isExactlyInstanceOf(RequestJournal.class);
                assertThat(ctx.getBean(StatsCatalog.class)).isExactlyInstanceOf(StatsCatalog.class);
                assertThat(ctx).doesNotHaveBean(ClusterStateConfiguration.class).doesNotHaveBean(RateLimiter.class)
                        .doesNotHaveBean(SharedTokenSecret.class).doesNotHaveBean(CertificateAuthorityStore.class);
            });
        }
    }

    @Test
    void theClusterBackendKeepsItInTheDatabaseOnly() {
        context.withPropertyValues("xblmock.storage.backend=CLUSTER").run(ctx -> {
            assertThat(ctx.getBean(FaultRuleSet.class)).isExactlyInstanceOf(ClusterFaultRules.class);
            assertThat(ctx.getBean(RequestJournal.class)).isExactlyInstanceOf(ClusterRequestJournal.class);
            assertThat(ctx.getBean(StatsCatalog.class)).isExactlyInstanceOf(ClusterStatsCatalog.class);
            assertThat(ctx.getBean(RateLimiter.class)).isExactlyInstanceOf(ClusterRateLimiter.class);
            assertThat(ctx.getBean(SharedTokenSecret.class)).isExactlyInstanceOf(ClusterTokenSecret.class);
            assertThat(ctx.getBean(CertificateAuthorityStore.class))
                    .isExactlyInstanceOf(ClusterCertificateAuthorityStore.class);
        });
    }
}
