package dev.xblmock.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that must be trusted through one CA (several starts on one directory; the instances of a cluster) each
 * serve their own certificate, issued by the same CA. One subclass per way of keeping the CA.
 */
public abstract class SharedCertificateAuthorityContract {

    @TempDir
    protected Path dir;

    /** Where the instances keep the CA: null for the TLS directory. */
    protected abstract CertificateAuthorityStore sharedAuthority();

    /** The TLS directory of an instance. */
    protected abstract Path directoryOf(int instance);

    private ServerIdentity start(int instance) {
        return ServerIdentities.load(new TlsProperties(true, 0, null, List.of(), null, null, null, null),
                directoryOf(instance), Clock.systemUTC(), sharedAuthority());
    }

    private static X509Certificate[] chain(ServerIdentity identity) throws Exception {
        KeyStore store = identity.bundle().getStores().getKeyStore();
        Certificate[] chain = store.getCertificateChain(store.aliases().nextElement());
        return List.of(chain).toArray(X509Certificate[]::new);
    }

    @Test
    void everyInstanceServesItsOwnCertificateFromTheSameCa() throws Exception {
        ServerIdentity first = start(1);
        ServerIdentity second = start(2);

        assertThat(second.caCertificatePem()).isEqualTo(first.caCertificatePem());
        X509Certificate[] firstChain = chain(first);
        X509Certificate[] secondChain = chain(second);
        assertThat(secondChain[1]).isEqualTo(firstChain[1]);
        assertThat(secondChain[0].getPublicKey()).isNotEqualTo(firstChain[0].getPublicKey());
        firstChain[0].verify(firstChain[1].getPublicKey());
        secondChain[0].verify(firstChain[1].getPublicKey());
        assertThat(Files.readString(second.caFile())).isEqualTo(first.caCertificatePem());
    }

    @Test
    void instancesStartingTogetherAgreeOnOneCa() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                int instance = i;
                started.add(pool.submit(() -> start(instance).caCertificatePem()));
            }
            List<String> authorities = new ArrayList<>();
            for (Future<String> authority : started) {
                authorities.add(authority.get());
            }
            assertThat(authorities).hasSize(6).containsOnly(authorities.get(0));
        } finally {
            pool.shutdownNow();
        }
    }
}
