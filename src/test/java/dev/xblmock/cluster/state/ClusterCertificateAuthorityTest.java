package dev.xblmock.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import dev.xblmock.tls.CertificateAuthorityStore;
import dev.xblmock.tls.SharedCertificateAuthorityContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Instances of a cluster, each with its own TLS directory, share the CA kept in the database. */
class ClusterCertificateAuthorityTest extends SharedCertificateAuthorityContract {

    private DataSource database;

    @BeforeEach
    void createDatabase() {
        database = SharedStateDatabase.fresh();
    }

    @Override
    protected CertificateAuthorityStore sharedAuthority() {
        return new ClusterCertificateAuthorityStore(database);
    }

    @Override
    protected Path directoryOf(int instance) {
        return dir.resolve("instance-" + instance);
    }

    @AfterEach
    void oneCaIsStoredAndItsKeyStaysInTheDatabase() {
        if (database == null) {
            return; // skipped: no PostgreSQL
        }
        assertThat(JdbcClient.create(database).sql("SELECT count(*) FROM tls_authority").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(Files.exists(directoryOf(1).resolve("ca-key.pem"))).isFalse();
    }
}
