package dev.xblmock.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xblmock.testsupport.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** With neither TLS nor the proxy enabled (the default), no certificate is made and nothing extra listens. */
class CaCertificateDisabledIT extends ApiIT {

    @Autowired
    ApplicationContext context;

    @Test
    void noCaCertificateIsServed() {
        var response = bare().get("/_emulator/ca.pem");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.jsonPath().getString("code")).isEqualTo("NotFound");
        assertThat(response.jsonPath().getString("detail"))
                .isEqualTo("There is no CA certificate: set xblmock.tls.enabled=true or xblmock.proxy.enabled=true.");
    }

    @Test
    void noCertificateListenerOrProxyExists() {
        assertThat(context.getBeanNamesForType(ServerIdentity.class)).isEmpty();
        assertThat(context.getBeanNamesForType(HttpsListener.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ProxyServer.class)).isEmpty();
    }
}
