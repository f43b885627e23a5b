package dev.xblmock.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The HTTPS listener: the same application under the Xbox host names, chosen by SNI, verified against the local CA. */
@TestPropertySource(properties = {"xblmock.tls.enabled=true", "xblmock.tls.port=0",
        "xblmock.tls.extra-names=emulator.test,10.1.2.3"})
class HttpsListenerIT extends ApiIT {

    static final Path TLS_DIR = TestDirectories.create("xblmock-https-it");

    @DynamicPropertySource
    static void tlsDir(DynamicPropertyRegistry registry) {
        registry.add("xblmock.tls.dir", TLS_DIR::toString);
    }

    @Autowired
    HttpsListener https;

    private SSLContext trust;

    @BeforeEach
    void trustTheLocalCa() throws Exception {
        trust = TlsClients.trustingOnly(Files.readString(TLS_DIR.resolve("ca.pem")));
    }

    private SSLSocket connect(String serverName) throws Exception {
        return TlsClients.tlsClient(trust, TlsClients.connect(https.port()), serverName);
    }

    /** Each name with a route of a service it serves: each Xbox host answers its own service only (SPEC 1.6). */
    @ParameterizedTest
    @CsvSource({"titlestorage.xboxlive.com, /global/scids/MockScid", "localhost, /global/scids/MockScid",
            "emulator.test, /global/scids/MockScid",
            "userstats.xboxlive.com, /users/xuid(2533274792693551)/scids/MockScid/stats"})
    void servesTheEmulatorUnderEachCoveredName(String serverName, String target) throws Exception {
        assertThat(https.port()).isPositive().isNotEqualTo(port);
        try (SSLSocket tls = connect(serverName)) {
            var response = RawHttp.over(tls).exchange("GET " + target + " HTTP/1.1\r\nHost: " + serverName
                    + "\r\nAuthorization: XBL3.0 x=;\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo(target.startsWith("/global") ? ProxyIT.QUOTA
                    : "{\"xuid\":\"2533274792693551\",\"scids\":[{\"scid\":\"MockScid\",\"stats\":[]}]}");
        }
    }

    @Test
    void aNameTheCertificateDoesNotCoverFailsHostnameVerification() {
        assertThatThrownBy(() -> connect("example.com").close()).isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> connect("a.b.xboxlive.com").close()).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void theMainConnectorsHardeningAppliesToo() throws Exception {
        try (SSLSocket tls = connect("titlestorage.xboxlive.com")) {
            var response = RawHttp.over(tls).exchange("GET /global/scids/MockScid/data/a%2Fb.bin,binary HTTP/1.1\r\n"
                    + "Host: titlestorage.xboxlive.com\r\nAuthorization: XBL3.0 x=;\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.text()).contains("\"code\":\"InvalidPath\"");
        }
    }

    @Test
    void caCertificateIsServedOverHttpsToo() throws Exception {
        try (SSLSocket tls = connect("localhost")) {
            var response = RawHttp.over(tls).exchange("GET /_emulator/ca.pem HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/x-pem-file");
            assertThat(response.text()).isEqualTo(Files.readString(TLS_DIR.resolve("ca.pem")));
        }
    }

    @Test
    void thePlainListenerStays() {
        assertThat(anonymous().get("/global/scids/MockScid").asString()).isEqualTo(ProxyIT.QUOTA);
    }

    @Test
    void theServedCertificateNamesEveryCoveredNameAndIsIssuedByTheLocalCa() throws Exception {
        try (SSLSocket tls = connect("titlestorage.xboxlive.com")) {
            var chain = tls.getSession().getPeerCertificates();
            X509Certificate server = (X509Certificate) chain[0];
            assertThat(server.getSubjectAlternativeNames()).containsExactly(
                    List.of(2, "titlestorage.xboxlive.com"), List.of(2, "userstats.xboxlive.com"), List.of(2, "*.xboxlive.com"),
                    List.of(2, "localhost"), List.of(2, "emulator.test"), List.of(7, "127.0.0.1"), List.of(7, "10.1.2.3"));
            assertThat(server.getPublicKey().getAlgorithm()).isEqualTo("EC");
            X509Certificate ca = (X509Certificate) chain[chain.length - 1];
            assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("O=xblmock,CN=xblmock local CA");
            server.verify(ca.getPublicKey());
        }
    }
}
