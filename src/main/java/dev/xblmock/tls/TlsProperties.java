package dev.xblmock.tls;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code xblmock.tls.*}: the optional HTTPS listener and the certificate it shares with the proxy.
 *
 * @param enabled          open the HTTPS listener (the plain HTTP listener stays)
 * @param port             its port; {@code 0} picks a free one
 * @param dir              where the local CA is kept and {@code ca.pem} is written; unset: {@code <storage dir>/tls}
 *                         with the filesystem backend, else {@code xblmock-tls} under the system temp directory
 * @param extraNames       host names or IP addresses the generated certificate covers besides the built-in ones
 * @param keystore         a PKCS#12 file with the server key and certificate chain, used instead of the local CA
 * @param keystorePassword its password
 * @param certificate      a PEM certificate chain (server certificate first), used instead of the local CA
 * @param privateKey       the PEM private key of {@code certificate}
 */
@ConfigurationProperties("xblmock.tls")
@Validated
public record TlsProperties(
        @DefaultValue("false") boolean enabled,
        @Min(0) @Max(65535) @DefaultValue("8443") int port,
        Path dir,
        List<@NotBlank String> extraNames,
        Path keystore,
        String keystorePassword,
        Path certificate,
        Path privateKey) {

    public TlsProperties {
        extraNames = extraNames == null ? List.of() : List.copyOf(extraNames);
    }
}
