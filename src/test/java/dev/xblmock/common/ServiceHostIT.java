package dev.xblmock.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * SPEC 1.6: each Xbox host answers its own service. Behind the proxy or the hosts file a client with a wrong
 * base URL fails here as it would in production; local names keep serving both services. Sent over a raw
 * socket, since the JDK's client does not let a test choose the Host header.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServiceHostIT extends ApiIT {

    private static final String QUOTA = "/global/scids/MockScid";
    private static final String STATS = "/users/xuid(2533274792693551)/scids/MockScid/stats";

    private RawHttp.Response get(String host, String target) throws Exception {
        return RawHttp.exchange(port, "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: "
                + PLACEHOLDER_AUTH + "\r\nConnection: close\r\n\r\n");
    }

    private static void assertNoSuchRoute(RawHttp.Response response, String detail) {
        assertThat(response.status()).as(response.text()).isEqualTo(404);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(response.body().length));
        assertThat(response.json().path("code").asString()).isEqualTo("NoSuchRoute");
        assertThat(response.json().path("detail").asString()).isEqualTo(detail);
    }

    @Test
    void titleStorageHostServesTitleStorageOnly() throws Exception {
        assertThat(get("titlestorage.xboxlive.com", QUOTA).status()).isEqualTo(200);
        assertThat(get("titlestorage.xboxlive.com:443", QUOTA + "/data").status()).isEqualTo(200);
        assertNoSuchRoute(get("titlestorage.xboxlive.com", STATS), "No route matches GET " + STATS
                + " on host titlestorage.xboxlive.com, which serves Title Storage only. User Statistics is emulated"
                + " at userstats.xboxlive.com.");
        assertNoSuchRoute(get("TitleStorage.XboxLive.com:8443", "/elsewhere"), "No route matches GET /elsewhere"
                + " on host titlestorage.xboxlive.com, which serves Title Storage only.");
    }

    @Test
    void userStatsHostServesUserStatisticsOnly() throws Exception {
        assertThat(get("userstats.xboxlive.com", STATS).status()).isEqualTo(200);
        assertNoSuchRoute(get("userstats.xboxlive.com:443", QUOTA), "No route matches GET " + QUOTA
                + " on host userstats.xboxlive.com, which serves User Statistics only. Title Storage is emulated"
                + " at titlestorage.xboxlive.com.");
        RawHttp.Response batch = RawHttp.exchange(port, "POST /batch HTTP/1.1\r\nHost: titlestorage.xboxlive.com\r\n"
                + "Authorization: " + PLACEHOLDER_AUTH + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}");
        assertNoSuchRoute(batch, "No route matches POST /batch on host titlestorage.xboxlive.com, which serves"
                + " Title Storage only. User Statistics is emulated at userstats.xboxlive.com.");
    }

    @Test
    void anotherXboxHostIsNotEmulatedAndNotWarnedAbout(CapturedOutput output) throws Exception {
        String detail = "Host %s is not emulated: xblmock answers titlestorage.xboxlive.com (Title Storage) and "
                + "userstats.xboxlive.com (User Statistics); requests for other Xbox Live services must not reach it.";
        for (int i = 0; i < 3; i++) {
            assertNoSuchRoute(get("profile.xboxlive.com", STATS), detail.formatted("profile.xboxlive.com"));
            assertNoSuchRoute(get("achievements.xboxlive.com:443", QUOTA), detail.formatted("achievements.xboxlive.com"));
        }
        assertThat(output.getAll()).doesNotContain("WARN").doesNotContain("profile.xboxlive.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "127.0.0.1", "[::1]:8080", "xblmock", "game-server.example",
            "xboxlive.com.example"})
    void otherNamesServeBothServices(String host) throws Exception {
        assertThat(get(host, QUOTA).status()).isEqualTo(200);
        assertThat(get(host, STATS).status()).isEqualTo(200);
    }
}
