package dev.xblmock.tls;

import java.util.function.Supplier;

/**
 * Where the local CA is kept when it must be the same for several servers: the cluster backend's database, so
 * that every instance serves a certificate from one CA. Absent, the CA is kept in the TLS directory.
 */
public interface CertificateAuthorityStore {

    /** A CA as PEM text: its certificate and its unencrypted PKCS#8 private key. */
    record StoredAuthority(String certificatePem, String privateKeyPem) {
    }

    /**
     * The stored CA; when none is stored yet, {@code created} is stored and returned. Racing callers all end up
     * with the one stored first.
     */
    StoredAuthority loadOrStore(Supplier<StoredAuthority> created);
}
