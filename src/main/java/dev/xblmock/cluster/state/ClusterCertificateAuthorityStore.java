package dev.xblmock.cluster.state;

import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.xblmock.tls.CertificateAuthorityStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The local CA of the cluster, in the single row of {@code tls_authority}: the first instance to start with TLS
 * stores the CA it created ({@code INSERT … ON CONFLICT DO NOTHING}); every instance then reads back the one that
 * won and issues its own server certificate from it. A reset leaves it, as a reset leaves a single server's CA.
 */
public class ClusterCertificateAuthorityStore implements CertificateAuthorityStore {

    private final JdbcClient jdbc;

    public ClusterCertificateAuthorityStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public StoredAuthority loadOrStore(Supplier<StoredAuthority> created) {
        Optional<StoredAuthority> stored = read();
        if (stored.isPresent()) {
            return stored.get();
        }
        StoredAuthority candidate = created.get();
        jdbc.sql("INSERT INTO tls_authority (id, certificate_pem, key_pem) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING")
                .params(candidate.certificatePem(), candidate.privateKeyPem()).update();
        return read().orElseThrow(() -> new IllegalStateException("the shared local CA vanished"));
    }

    private Optional<StoredAuthority> read() {
        return jdbc.sql("SELECT certificate_pem, key_pem FROM tls_authority WHERE id = 1")
                .query((rs, row) -> new StoredAuthority(rs.getString(1), rs.getString(2))).optional();
    }
}
