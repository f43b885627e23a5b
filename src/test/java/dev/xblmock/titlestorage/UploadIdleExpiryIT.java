package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** SPEC 3.4: a multi-block upload idle for longer than upload-idle-timeout expires; its token is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xblmock.storage.upload-idle-timeout=2s")
class UploadIdleExpiryIT extends TitleStorageApi {

    private final String url = global() + "/data/slow.bin,binary";

    @Test
    void anIdleUploadExpiresAndNothingIsCommitted() {
        String t1 = put(url + "?finalBlock=false", randomBytes(1_024, 1)).jsonPath().getString("continuationToken");
        // activity keeps it alive
        String t2 = put(url + "?finalBlock=false&continuationToken=" + t1, randomBytes(1_024, 2))
                .jsonPath().getString("continuationToken");
        assertThat(t2).endsWith("-2");

        long started = System.nanoTime();
        Awaitility.await().pollDelay(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(10))
                .until(() -> System.nanoTime() - started > Duration.ofMillis(2_100).toNanos());
        Response late = put(url + "?finalBlock=true&continuationToken=" + t2, randomBytes(10, 3));
        assertProblem(late, 400, "InvalidContinuationToken", "continuationToken");
        assertProblem(get(url), 404, "BlobNotFound");
        assertThat(listing(global() + "/data")).isEqualTo(EMPTY_LISTING);
    }

    @Test
    void anUploadWithinTheTimeoutCommits() {
        String t1 = put(url + "?finalBlock=false", randomBytes(1_024, 4)).jsonPath().getString("continuationToken");
        put(url + "?finalBlock=true&continuationToken=" + t1, randomBytes(10, 5)).then().statusCode(200);
        get(url).then().statusCode(200).header("Content-Length", "1034");
    }
}
