package dev.xblmock.tls;

import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import org.springframework.boot.ssl.SslBundle;

/**
 * The TLS identity shared by the HTTPS listener and the proxy: the server key and certificate chain (as a
 * Spring Boot {@link SslBundle}), the host names the certificate covers, and the CA certificate a client
 * must trust (PEM), which is also written to {@code caFile}.
 */
public final class ServerIdentity {

    private final SslBundle bundle;
    private final CoveredNames names;
    private final String caCertificatePem;
    private final Path caFile;

    ServerIdentity(SslBundle bundle, CoveredNames names, String caCertificatePem, Path caFile) {
        this.bundle = bundle;
        this.names = names;
        this.caCertificatePem = caCertificatePem;
        this.caFile = caFile;
    }

    SslBundle bundle() {
        return bundle;
    }

    /** A server-side context presenting this identity. */
    SSLContext serverContext() {
        return bundle.createSslContext();
    }

    public CoveredNames names() {
        return names;
    }

    public String caCertificatePem() {
        return caCertificatePem;
    }

    public Path caFile() {
        return caFile;
    }
}
