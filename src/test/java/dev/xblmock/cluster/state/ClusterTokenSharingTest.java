package dev.xblmock.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import dev.xblmock.common.identity.AuthMode;
import dev.xblmock.common.identity.AuthProperties;
import dev.xblmock.common.identity.EmulatorTokens;
import dev.xblmock.common.identity.SharedTokenSecret;
import dev.xblmock.common.identity.TokenSharingContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cluster: instances on one database share the random secret in {@code shared_secret}. */
class ClusterTokenSharingTest extends TokenSharingContract {

    private DataSource database;

    @Override
    protected EmulatorTokens firstInstance() {
        database = SharedStateDatabase.fresh();
        return instance(null);
    }

    @Override
    protected EmulatorTokens otherInstance() {
        return instance(null);
    }

    private EmulatorTokens instance(String configuredSecret) {
        SharedTokenSecret secret = new ClusterTokenSecret(database);
        return new EmulatorTokens(new AuthProperties(AuthMode.STRICT, configuredSecret),
                new StaticListableBeanFactory(Map.of("secret", secret)).getBeanProvider(SharedTokenSecret.class));
    }

    @Test
    void instancesStartingTogetherCreateOneSecret() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> minted = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                minted.add(pool.submit(() -> otherInstance().encode(claims("2533274792693551"))));
            }
            EmulatorTokens verifier = otherInstance();
            for (Future<String> token : minted) {
                assertThat(valid(verifier, token.get())).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(JdbcClient.create(database).sql("SELECT count(*) FROM shared_secret").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aConfiguredSecretIsUsedAsIsAndNothingIsStored() {
        EmulatorTokens configured = instance("team-secret");
        String token = configured.encode(claims("2533274792693551"));

        assertThat(valid(new EmulatorTokens(new AuthProperties(AuthMode.STRICT, "team-secret")), token)).isTrue();
        assertThat(JdbcClient.create(database).sql("SELECT count(*) FROM shared_secret").query(Integer.class).single())
                .isZero();
    }
}
