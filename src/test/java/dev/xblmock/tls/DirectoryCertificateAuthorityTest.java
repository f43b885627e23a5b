package dev.xblmock.tls;

import java.nio.file.Path;

/** Several starts on one TLS directory share the CA kept there. */
class DirectoryCertificateAuthorityTest extends SharedCertificateAuthorityContract {

    @Override
    protected CertificateAuthorityStore sharedAuthority() {
        return null;
    }

    @Override
    protected Path directoryOf(int instance) {
        return dir;
    }
}
