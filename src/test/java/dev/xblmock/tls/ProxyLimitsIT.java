package dev.xblmock.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.ssl.SSLSocket;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The proxy's bounds: connections beyond max-connections get 503, idle connections are closed. */
@TestPropertySource(properties = {"xblmock.proxy.enabled=true", "xblmock.proxy.port=0",
        "xblmock.proxy.idle-timeout=1s", "xblmock.proxy.max-connections=2"})
class ProxyLimitsIT extends ApiIT {

    static final Path TLS_DIR = TestDirectories.create("xblmock-proxy-limits-it");
    static final String CONNECT = "CONNECT titlestorage.xboxlive.com:443 HTTP/1.1\r\n\r\n";

    @DynamicPropertySource
    static void tlsDir(DynamicPropertyRegistry registry) {
        registry.add("xblmock.tls.dir", TLS_DIR::toString);
    }

    @Autowired
    ProxyServer proxy;

    @Test
    void aConnectionBeyondTheLimitGets503AndALaterOneIsServed() throws Exception {
        try (Socket first = TlsClients.connect(proxy.port()); Socket second = TlsClients.connect(proxy.port())) {
            assertThat(RawHttp.over(first).exchange(CONNECT).status()).isEqualTo(200);
            assertThat(RawHttp.over(second).exchange(CONNECT).status()).isEqualTo(200);
            try (Socket third = TlsClients.connect(proxy.port())) {
                var busy = RawHttp.over(third).exchange(CONNECT);
                assertThat(busy.statusLine()).isEqualTo("HTTP/1.1 503 Service Unavailable");
                assertThat(busy.text()).isEqualTo("{\"type\":\"urn:xblmock:error:ProxyBusy\",\"title\":\"Proxy busy\","
                        + "\"status\":503,\"detail\":\"The proxy already serves 2 connections "
                        + "(xblmock.proxy.max-connections); try again later.\",\"code\":\"ProxyBusy\"}");
                assertThat(third.getInputStream().read()).isEqualTo(-1);
            }
        }
        assertThat(connectsWithin(5_000)).isTrue();
    }

    /** Slots are released when the handler notices the close: poll until a connection is served. */
    private boolean connectsWithin(long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            try (Socket socket = TlsClients.connect(proxy.port())) {
                if (RawHttp.over(socket).exchange(CONNECT).status() == 200) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket silent = TlsClients.connect(proxy.port())) {
            long start = System.nanoTime();
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(900L, 5_000L);
        }
    }

    @Test
    void anUnfinishedRequestHeadIsClosedAfterTheIdleTimeoutEvenWhileTrickling() throws Exception {
        try (Socket slow = TlsClients.connect(proxy.port())) {
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    slow.getOutputStream().write('X');
                    slow.getOutputStream().flush();
                    Thread.sleep(100);
                } catch (IOException e) {
                    closed = true;
                }
                if (slow.getInputStream().available() > 0) {
                    closed = true;
                }
            }
            if (!closed) {
                slow.setSoTimeout(3_000);
                closed = slow.getInputStream().read() == -1;
            }
            assertThat(closed).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_500L);
        } catch (IOException reset) {
            // the server closed while we were writing: closed as expected
        }
    }

    @Test
    void anIdleTunnelIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket socket = TlsClients.connect(proxy.port())) {
            assertThat(RawHttp.over(socket).exchange(CONNECT).status()).isEqualTo(200);
            SSLSocket tls = TlsClients.tlsClient(TlsClients.trustingOnly(Files.readString(TLS_DIR.resolve("ca.pem"))),
                    socket, "titlestorage.xboxlive.com");
            var response = RawHttp.over(tls).exchange("GET /global/scids/MockScid HTTP/1.1\r\nHost: titlestorage.xboxlive.com\r\n"
                    + "Authorization: XBL3.0 x=;\r\n\r\n");
            assertThat(response.status()).isEqualTo(200);
            long start = System.nanoTime();
            int next;
            try {
                next = tls.getInputStream().read();
            } catch (IOException e) {
                next = -1; // closed under the TLS layer
            }
            assertThat(next).isEqualTo(-1);
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(500L, 5_000L);
        }
    }
}
