package dev.xblmock.cluster.state;

import java.security.SecureRandom;
import java.util.Optional;
import javax.sql.DataSource;

import dev.xblmock.common.identity.SharedTokenSecret;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The random token signing secret of the cluster, in {@code shared_secret}: created once by whichever instance
 * asks first ({@code INSERT … ON CONFLICT DO NOTHING}, then read back, so racing instances end up with the same
 * one). A reset leaves it, as a reset leaves a single server's secret.
 */
public class ClusterTokenSecret implements SharedTokenSecret {

    private static final String NAME = "token-signing";

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public ClusterTokenSecret(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public byte[] current() {
        Optional<byte[]> stored = read();
        if (stored.isPresent()) {
            return stored.get();
        }
        jdbc.sql("INSERT INTO shared_secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .params(NAME, newSecret()).update();
        return read().orElseThrow(() -> new IllegalStateException("the token signing secret vanished"));
    }

    @Override
    public byte[] renew() {
        return jdbc.sql("""
                        INSERT INTO shared_secret (name, value) VALUES (?, ?)
                        ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value RETURNING value""")
                .params(NAME, newSecret()).query(byte[].class).single();
    }

    private Optional<byte[]> read() {
        return jdbc.sql("SELECT value FROM shared_secret WHERE name = ?").param(NAME).query(byte[].class).optional();
    }

    private byte[] newSecret() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return secret;
    }
}
