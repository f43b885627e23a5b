package dev.xblmock.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The proxy port: CONNECT to the Xbox names with TLS terminated by the emulator, plain absolute-form requests, refusals. */
@TestPropertySource(properties = {"xblmock.proxy.enabled=true", "xblmock.proxy.port=0"})
class ProxyIT extends ApiIT {

    static final Path TLS_DIR = TestDirectories.create("xblmock-proxy-it");
    static final String QUOTA = "{\"quotaInfo\":{\"usedBytes\":0,\"quotaBytes\":268435456}}";
    static final String COVERED = "titlestorage.xboxlive.com, userstats.xboxlive.com, *.xboxlive.com, localhost, 127.0.0.1";

    @DynamicPropertySource
    static void tlsDir(DynamicPropertyRegistry registry) {
        registry.add("xblmock.tls.dir", TLS_DIR::toString);
    }

    @Autowired
    ProxyServer proxy;

    private HttpClient client() throws Exception {
        return HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())))
                .sslContext(TlsClients.trustingOnly(caPem()))
                .build();
    }

    private String caPem() throws IOException {
        return Files.readString(TLS_DIR.resolve("ca.pem"));
    }

    private static HttpRequest.Builder xbox(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", PLACEHOLDER_AUTH);
    }

    @Test
    void caCertificateIsWrittenToTheTlsDirectoryAndServed() throws IOException {
        var response = bare().get("/_emulator/ca.pem");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/x-pem-file");
        assertThat(response.asString()).isEqualTo(caPem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void httpsClientReachesBothXboxHostsThroughTheProxyTrustingOnlyTheLocalCa() throws Exception {
        HttpClient client = client();

        HttpResponse<String> quota = client.send(xbox("https://titlestorage.xboxlive.com/global/scids/MockScid").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(quota.statusCode()).isEqualTo(200);
        assertThat(quota.body()).isEqualTo(QUOTA);

        HttpResponse<String> stats = client.send(xbox("https://userstats.xboxlive.com/users/xuid(2533274792693551)/scids/MockScid/stats").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.body()).isEqualTo("{\"xuid\":\"2533274792693551\",\"scids\":[{\"scid\":\"MockScid\",\"stats\":[]}]}");

        // each host answers its own service only (SPEC 1.6), so a wrong base URL fails as in production
        HttpResponse<String> wrongHost = client.send(xbox("https://userstats.xboxlive.com/global/scids/MockScid/data").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongHost.statusCode()).isEqualTo(404);
        assertThat(wrongHost.body()).contains("\"code\":\"NoSuchRoute\"").contains("userstats.xboxlive.com, which serves User Statistics only");
    }

    @Test
    void uploadThroughTheTunnelAndDownloadWithAnAbsoluteFormHttpRequest() throws Exception {
        HttpClient client = client();
        String blob = "global/scids/MockScid/data/maps/arena.bin,binary";

        HttpResponse<String> put = client.send(xbox("https://titlestorage.xboxlive.com/" + blob)
                .PUT(HttpRequest.BodyPublishers.ofString("hello, arena")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(201);

        HttpResponse<String> get = client.send(xbox("http://titlestorage.xboxlive.com/" + blob).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("hello, arena");
    }

    @Test
    void plainHttpUploadWithExpectContinueThroughTheProxy() throws Exception {
        HttpClient client = client();
        String blob = "trustedplatform/users/xuid(2533274792693551)/scids/MockScid/data/saves/slot1.json,json";

        HttpResponse<String> put = client.send(xbox("http://titlestorage.xboxlive.com/" + blob).expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"level\":3}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(201);

        HttpResponse<String> get = client.send(xbox("https://titlestorage.xboxlive.com/" + blob).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("{\"level\":3}");
    }

    @Test
    void absoluteFormRequestIsRewrittenToOriginFormKeepingTheHostHeader() throws Exception {
        try (Socket socket = TlsClients.connect(proxy.port())) {
            var response = RawHttp.over(socket).exchange("GET http://titlestorage.xboxlive.com/global/scids/MockScid HTTP/1.1\r\n"
                    + "Host: titlestorage.xboxlive.com\r\nAuthorization: XBL3.0 x=;\r\nProxy-Connection: keep-alive\r\n\r\n");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(response.text()).isEqualTo(QUOTA);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void tunnelKeepsTheConnectionForSeveralRequests() throws Exception {
        try (Socket socket = TlsClients.connect(proxy.port())) {
            var established = RawHttp.over(socket).exchange("CONNECT titlestorage.xboxlive.com:443 HTTP/1.1\r\n"
                    + "Host: titlestorage.xboxlive.com:443\r\n\r\n");
            assertThat(established.statusLine()).isEqualTo("HTTP/1.1 200 Connection Established");
            SSLSocket tls = TlsClients.tlsClient(TlsClients.trustingOnly(caPem()), socket, "titlestorage.xboxlive.com");
            String request = "GET /global/scids/MockScid HTTP/1.1\r\nHost: titlestorage.xboxlive.com\r\n"
                    + "Authorization: XBL3.0 x=;\r\n\r\n";
            for (int i = 0; i < 2; i++) {
                var response = RawHttp.over(tls).exchange(request);
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.text()).isEqualTo(QUOTA);
            }
        }
    }

    @Test
    void connectToAnotherHostIsForbiddenAndNothingIsOpened() throws Exception {
        assertForbidden("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", "CONNECT example.com:443", 443);
    }

    @Test
    void connectToAnXboxHostOnAnotherPortIsForbidden() throws Exception {
        assertForbidden("CONNECT titlestorage.xboxlive.com:8443 HTTP/1.1\r\n\r\n", "CONNECT titlestorage.xboxlive.com:8443", 443);
    }

    @Test
    void plainRequestToAnotherHostIsForbidden() throws Exception {
        assertForbidden("GET http://example.com/index.html HTTP/1.1\r\nHost: example.com\r\n\r\n", "GET http://example.com", 80);
    }

    private void assertForbidden(String request, String described, int port) throws IOException {
        try (Socket socket = TlsClients.connect(proxy.port())) {
            var response = RawHttp.over(socket).exchange(request);
            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 403 Forbidden");
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.text()).isEqualTo("{\"type\":\"urn:xblmock:error:ProxyForbidden\",\"title\":\"Proxy target forbidden\","
                    + "\"status\":403,\"detail\":\"" + described + " is refused: this proxy serves only " + COVERED
                    + " (on port " + port + "), from the emulator itself; it never connects elsewhere.\",\"code\":\"ProxyForbidden\"}");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void garbageGets400AndTheProxyAndTheEmulatorKeepServing() throws Exception {
        try (Socket socket = TlsClients.connect(proxy.port())) {
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, '\r', '\n', '\r', '\n'});
            var response = RawHttp.over(socket).read();
            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(response.text()).isEqualTo("{\"type\":\"urn:xblmock:error:MalformedProxyRequest\","
                    + "\"title\":\"Malformed proxy request\",\"status\":400,\"detail\":\"The request head contains a NUL byte.\","
                    + "\"code\":\"MalformedProxyRequest\"}");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        HttpResponse<String> after = client().send(xbox("https://titlestorage.xboxlive.com/global/scids/MockScid").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.body()).isEqualTo(QUOTA);
        assertThat(anonymous().get("/global/scids/MockScid").asString()).isEqualTo(QUOTA);
    }

    @Test
    void binaryRequestLineIsMalformed() throws Exception {
        assertMalformed("\u0016\u0003\u0001\u00ff garbage\r\n\r\n",
                "The request line '\\x16\\x03\\x01\\xff garbage' is not 'METHOD target HTTP/1.1' (RFC 9112 section 3).");
    }

    @Test
    void originFormRequestIsNotAProxyRequest() throws Exception {
        assertMalformed("GET /global/scids/MockScid HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "'GET /global/scids/MockScid' is not a proxy request: send CONNECT host:443 (for https) or an absolute-form "
                        + "http:// target; the emulator's own API is on its HTTP port.");
    }

    @Test
    void connectWithoutPortIsMalformed() throws Exception {
        assertMalformed("CONNECT titlestorage.xboxlive.com HTTP/1.1\r\n\r\n",
                "CONNECT titlestorage.xboxlive.com: the target must be host:port (RFC 9110 section 9.3.6).");
    }

    @Test
    void headerLineWithoutColonIsMalformed() throws Exception {
        assertMalformed("CONNECT titlestorage.xboxlive.com:443 HTTP/1.1\r\nno colon here\r\n\r\n",
                "The header line 'no colon here' is not 'name: value' with a token as name (RFC 9112 section 5).");
    }

    @Test
    void oversizedHeadIsMalformed() throws Exception {
        assertMalformed("CONNECT titlestorage.xboxlive.com:443 HTTP/1.1\r\nX-Filler: " + "a".repeat(9000) + "\r\n\r\n",
                "The request head exceeds 8192 bytes (xblmock.proxy.max-header-bytes).");
    }

    private void assertMalformed(String request, String detail) throws IOException {
        try (Socket socket = TlsClients.connect(proxy.port())) {
            var response = RawHttp.over(socket).exchange(request);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text()).isEqualTo("{\"type\":\"urn:xblmock:error:MalformedProxyRequest\","
                    + "\"title\":\"Malformed proxy request\",\"status\":400,\"detail\":\"" + detail.replace("\\", "\\\\")
                    + "\",\"code\":\"MalformedProxyRequest\"}");
        }
    }

    @Test
    void curlThroughTheProxyTrustingCaPem() throws Exception {
        assumeTrue(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "curl"))), "curl is not installed");
        Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "20",
                "--proxy", "http://127.0.0.1:" + proxy.port(), "--cacert", TLS_DIR.resolve("ca.pem").toString(),
                "-H", "Authorization: XBL3.0 x=;", "https://titlestorage.xboxlive.com/global/scids/MockScid")
                .redirectErrorStream(true).start();
        String output;
        try (InputStream out = curl.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(curl.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo(QUOTA);
    }
}
