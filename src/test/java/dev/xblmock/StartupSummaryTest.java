package dev.xblmock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.xblmock.common.storage.StorageBackend;
import org.junit.jupiter.api.Test;

class StartupSummaryTest {

    @Test
    void memoryBackendWithoutSeed() {
        assertThat(StartupSummary.line("0.1.0", Duration.ofMillis(1_234), List.of("http://localhost:8080"),
                StorageBackend.MEMORY, null, Optional.empty(), "http://localhost:8080/_emulator/ui/"))
                .isEqualTo("xblmock 0.1.0 ready in 1.23 s: http://localhost:8080; storage memory; no seed; "
                        + "dashboard http://localhost:8080/_emulator/ui/");
    }

    @Test
    void everyListenerTheDirectoryAndTheSeed() {
        assertThat(StartupSummary.line(null, Duration.ofMillis(905),
                List.of("http://127.0.0.1:8080", "https://127.0.0.1:8443", "proxy 127.0.0.1:3128"),
                StorageBackend.FILESYSTEM, Path.of("/data"), Optional.of("/seed/seed.yaml: 1 users, 0 titles, "
                        + "0 groups, 2 blobs, 0 stats"), null))
                .isEqualTo("xblmock ready in 0.91 s: http://127.0.0.1:8080, https://127.0.0.1:8443, "
                        + "proxy 127.0.0.1:3128; storage filesystem /data; seed /seed/seed.yaml: 1 users, 0 titles, "
                        + "0 groups, 2 blobs, 0 stats");
    }

    @Test
    void theBoundAddressIsShownAsIsWithIpv6LiteralsBracketed() {
        assertThat(StartupSummary.host(null)).isEqualTo("0.0.0.0");
        assertThat(StartupSummary.host("")).isEqualTo("0.0.0.0");
        assertThat(StartupSummary.host("0.0.0.0")).isEqualTo("0.0.0.0");
        assertThat(StartupSummary.host("::")).isEqualTo("[::]");
        assertThat(StartupSummary.host("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(StartupSummary.host("::1")).isEqualTo("[::1]");
        assertThat(StartupSummary.host("[::1]")).isEqualTo("[::1]");
    }
}
