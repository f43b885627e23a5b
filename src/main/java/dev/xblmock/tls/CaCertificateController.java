package dev.xblmock.tls;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /_emulator/ca.pem}: the certificate clients must trust to reach the HTTPS listener or the proxy. */
@RestController
public class CaCertificateController {

    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final ObjectProvider<ServerIdentity> identity;

    public CaCertificateController(ObjectProvider<ServerIdentity> identity) {
        this.identity = identity;
    }

    @GetMapping("/_emulator/ca.pem")
    public ResponseEntity<String> caCertificate() {
        ServerIdentity available = identity.getIfAvailable();
        if (available == null) {
            throw new XblException(ErrorCode.NOT_FOUND,
                    "There is no CA certificate: set xblmock.tls.enabled=true or xblmock.proxy.enabled=true.");
        }
        return ResponseEntity.ok().contentType(PEM).body(available.caCertificatePem());
    }
}
