package dev.xblmock.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.xblmock.XblMockApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The local CA is created once per TLS directory: a restart serves the very same CA certificate. */
class TlsRestartIT {

    @Test
    void aRestartWithTheSameTlsDirectoryReusesTheCa() throws Exception {
        Path dir = TestDirectories.create("xblmock-restart-it");
        String first = caServedByAnEmulatorUsing(dir);
        byte[] keyAfterFirst = Files.readAllBytes(dir.resolve("ca-key.pem"));
        String second = caServedByAnEmulatorUsing(dir);

        assertThat(first).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(second).isEqualTo(first).isEqualTo(Files.readString(dir.resolve("ca.pem")));
        assertThat(Files.readAllBytes(dir.resolve("ca-key.pem"))).isEqualTo(keyAfterFirst);
        assertThat(caServedByAnEmulatorUsing(TestDirectories.create("xblmock-restart-it-other"))).isNotEqualTo(first);
    }

    private static String caServedByAnEmulatorUsing(Path dir) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(XblMockApplication.class)
                .properties("server.port=0", "xblmock.tls.enabled=true", "xblmock.tls.port=0", "xblmock.tls.dir=" + dir)
                .run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_emulator/ca.pem")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }
}
