package dev.xblmock.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProxyRequestHeadTest {

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readsTheHeadAndNothingAfterIt() throws Exception {
        InputStream in = stream("\r\nCONNECT titlestorage.xboxlive.com:443 HTTP/1.1\r\nHost: x\r\nUser-Agent:  curl \n\r\nTLS");
        ProxyRequestHead head = ProxyRequestHead.read(in, 8192).orElseThrow();

        assertThat(head.method()).isEqualTo("CONNECT");
        assertThat(head.target()).isEqualTo("titlestorage.xboxlive.com:443");
        assertThat(head.version()).isEqualTo("HTTP/1.1");
        assertThat(head.header("user-agent")).contains("curl");
        assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("TLS");
    }

    @Test
    void anEmptyConnectionIsNoRequest() throws Exception {
        assertThat(ProxyRequestHead.read(stream(""), 8192)).isEmpty();
    }

    @Test
    void malformedHeadsAreRejectedNamingTheProblem() {
        assertThatThrownBy(() -> ProxyRequestHead.read(stream("GET / HTTP/2.0\r\n\r\n"), 8192))
                .isInstanceOf(MalformedProxyRequestException.class).hasMessageContaining("'GET / HTTP/2.0'");
        assertThatThrownBy(() -> ProxyRequestHead.read(stream("CONNECT a:443 HTTP/1.1\r\nX: a\u0001b\r\n\r\n"), 8192))
                .isInstanceOf(MalformedProxyRequestException.class).hasMessageContaining("control character 0x1");
        assertThatThrownBy(() -> ProxyRequestHead.read(stream("CONNECT a:443 HTTP/1.1\r\n folded\r\n\r\n"), 8192))
                .isInstanceOf(MalformedProxyRequestException.class).hasMessageContaining("' folded'");
        assertThatThrownBy(() -> ProxyRequestHead.read(stream("CONNECT a:443 HTTP/1.1\r\nHost: a\r\n"), 8192))
                .isInstanceOf(MalformedProxyRequestException.class).hasMessageContaining("before the header section");
        assertThatThrownBy(() -> ProxyRequestHead.read(stream("CONNECT a:443 HTTP/1.1\r\nX: " + "a".repeat(300) + "\r\n\r\n"), 256))
                .isInstanceOf(MalformedProxyRequestException.class).hasMessageContaining("exceeds 256 bytes");
    }

    @Test
    void targetsParseHostAndPort() throws Exception {
        assertThat(ProxyTarget.ofConnect("TitleStorage.XboxLive.com:443")).isEqualTo(new ProxyTarget("titlestorage.xboxlive.com", 443));
        assertThat(ProxyTarget.ofConnect("[::1]:443")).isEqualTo(new ProxyTarget("::1", 443));
        assertThat(ProxyTarget.ofHttp("userstats.xboxlive.com")).isEqualTo(new ProxyTarget("userstats.xboxlive.com", 80));
        assertThatThrownBy(() -> ProxyTarget.ofConnect("host:99999")).isInstanceOf(MalformedProxyRequestException.class);
        assertThatThrownBy(() -> ProxyTarget.ofConnect("host:")).isInstanceOf(MalformedProxyRequestException.class);
        assertThatThrownBy(() -> ProxyTarget.ofConnect("[::1")).isInstanceOf(MalformedProxyRequestException.class);
    }
}
