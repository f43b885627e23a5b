package dev.xblmock.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStore;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * Builds the {@link ServerIdentity} from the configuration: a user-supplied PKCS#12 keystore, a user-supplied
 * PEM certificate and key, or (neither given) a server certificate issued at startup by the local CA.
 * Whichever it is, the certificate a client must trust (the CA, or the top of the supplied chain) is written
 * to {@code <tls dir>/ca.pem}.
 */
final class ServerIdentities {

    private static final Logger log = LoggerFactory.getLogger(ServerIdentities.class);
    private static final String ALIAS = "xblmock";

    private ServerIdentities() {
    }

    static ServerIdentity load(TlsProperties tls, Path dir, Clock clock) {
        return load(tls, dir, clock, null);
    }

    /**
     * @param sharedAuthority where the local CA is kept when several servers must share it (the cluster backend);
     *                        null to keep it in {@code dir}. Either way {@code dir/ca.pem} holds its certificate.
     */
    static ServerIdentity load(TlsProperties tls, Path dir, Clock clock, CertificateAuthorityStore sharedAuthority) {
        boolean pem = tls.certificate() != null || tls.privateKey() != null;
        if (tls.keystore() != null && pem) {
            throw new IllegalArgumentException(
                    "set either xblmock.tls.keystore or xblmock.tls.certificate with xblmock.tls.private-key, not both");
        }
        ServerIdentity identity;
        if (tls.keystore() != null) {
            identity = fromPkcs12(tls.keystore(), tls.keystorePassword(), dir);
        } else if (pem) {
            identity = fromPem(tls.certificate(), tls.privateKey(), dir);
        } else {
            identity = generated(tls.extraNames(), dir, clock, sharedAuthority);
        }
        log.info("TLS certificate covers {}; clients must trust {}", identity.names(), identity.caFile());
        return identity;
    }

    private static ServerIdentity generated(List<String> extraNames, Path dir, Clock clock,
                                            CertificateAuthorityStore sharedAuthority) {
        CoveredNames names = CoveredNames.withExtras(extraNames);
        CertificateAuthority ca = sharedAuthority == null
                ? CertificateAuthority.loadOrCreate(dir, clock)
                : CertificateAuthority.loadOrCreate(sharedAuthority, clock);
        KeyPair serverKeys = CertificateAuthority.newKeyPair();
        X509Certificate server = ca.issueServerCertificate(serverKeys, names);
        // a shared CA's key stays in the database: only its certificate is written, for this host's clients
        return identity(serverKeys.getPrivate(), new X509Certificate[] {server, ca.certificate()}, names, dir,
                sharedAuthority != null);
    }

    private static ServerIdentity fromPkcs12(Path file, String password, Path dir) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, secret);
                    return identity(key, x509Chain(store.getCertificateChain(alias)), null, dir, true);
                }
            }
            throw new IllegalArgumentException("xblmock.tls.keystore " + file + " holds no private key entry");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("xblmock.tls.keystore " + file
                    + " cannot be read as PKCS#12 with xblmock.tls.keystore-password: " + e.getMessage(), e);
        }
    }

    private static ServerIdentity fromPem(Path certificate, Path privateKey, Path dir) {
        if (certificate == null || privateKey == null) {
            throw new IllegalArgumentException("xblmock.tls.certificate and xblmock.tls.private-key go together");
        }
        try {
            PemSslStore store = PemSslStore.load(new PemSslStoreDetails(null, null, null,
                    Files.readString(certificate, StandardCharsets.US_ASCII), Files.readString(privateKey, StandardCharsets.US_ASCII), null));
            if (store.privateKey() == null || store.certificates() == null || store.certificates().isEmpty()) {
                throw new IllegalArgumentException("xblmock.tls.certificate/private-key: no certificate or key found");
            }
            return identity(store.privateKey(), store.certificates().toArray(X509Certificate[]::new), null, dir, true);
        } catch (IOException e) {
            throw new IllegalArgumentException("xblmock.tls.certificate/private-key cannot be read: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("xblmock.tls.certificate/private-key are not valid PEM: " + e.getMessage(), e);
        }
    }

    /**
     * An in-memory keystore (random password, never written) holding the key and chain, and the trust anchor
     * written to {@code ca.pem}. A supplied chain is trusted through its last certificate.
     */
    private static ServerIdentity identity(PrivateKey key, X509Certificate[] chain, CoveredNames names, Path dir,
            boolean writeCaFile) {
        String password = UUID.randomUUID().toString();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password.toCharArray(), chain);
            SslBundle bundle = SslBundle.of(SslStoreBundle.of(store, password, null), SslBundleKey.of(password, ALIAS));
            String caPem = CertificateAuthority.Pem.write(chain[chain.length - 1]);
            Path caFile = dir.resolve(CertificateAuthority.CERTIFICATE_FILE);
            if (writeCaFile) {
                Files.createDirectories(dir);
                Files.writeString(caFile, caPem, StandardCharsets.US_ASCII);
            }
            return new ServerIdentity(bundle, names != null ? names : CoveredNames.of(chain[0]), caPem, caFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(CertificateAuthority.CERTIFICATE_FILE), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the server key does not fit its certificate: " + e.getMessage(), e);
        }
    }

    private static X509Certificate[] x509Chain(Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            throw new IllegalArgumentException("xblmock.tls.keystore: the key entry has no certificate chain");
        }
        X509Certificate[] result = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            result[i] = (X509Certificate) chain[i];
        }
        return result;
    }
}
