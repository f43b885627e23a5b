package dev.xblmock.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LocalHost", "localhost.", "a.localhost", "x.y.LOCALHOST"})
    void loopbackNames(String host) {
        assertThat(HostNames.isLoopbackName(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost.evil.example", "notlocalhost", "localhostx", "evil-localhost"})
    void otherNamesAreNotLoopback(String host) {
        assertThat(HostNames.isLoopbackName(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "10.0.0.7", "[::1]", "[::]",
            "[fe80::1%25eth0]", "[::ffff:127.0.0.1]"})
    void ipLiterals(String host) {
        assertThat(HostNames.isIpLiteral(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "2130706433", "0x7f.0.0.1", "::1",
            "[::1", "127.0.0.1.nip.io", "[evil.example]"})
    void namesThatOnlyLookLikeAddressesAreNot(String host) {
        assertThat(HostNames.isIpLiteral(host)).isFalse();
    }

    @Property
    void everyDottedQuadIsAnIpLiteral(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b,
                                      @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d) {
        assertThat(HostNames.isIpLiteral(a + "." + b + "." + c + "." + d)).isTrue();
    }
}
