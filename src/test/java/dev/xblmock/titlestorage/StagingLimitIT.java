package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Unfinished uploads are capped on every backend, by count (xblmock.storage.max-staged-uploads) and by bytes
 * (xblmock.storage.max-staged-bytes): the upload or block that would pass a cap gets 503 ServiceUnavailable
 * with Retry-After, nothing of it is kept, and once pending uploads commit the retry succeeds. Without the
 * caps, abandoned uploads filled the heap (memory backend) or took a file descriptor each (filesystem) until
 * the server failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "xblmock.storage.max-staged-bytes=300000", "xblmock.storage.max-staged-uploads=3"})
class StagingLimitIT extends TitleStorageApi {

    private static final String RETRY_LATER = "Retry later: unfinished uploads free their share when committed or "
            + "expired (xblmock.storage.upload-idle-timeout); or raise the limit.";

    private final String root = user("trustedplatform", "9");

    @Test
    void aBlockPastTheByteLimitIs503UntilPendingUploadsCommit() {
        String big = root + "/data/big.bin,binary";
        Response first = put(big + "?finalBlock=false", randomBytes(200_000, 1));
        first.then().statusCode(200);
        String token = first.jsonPath().getString("continuationToken");

        byte[] whole = randomBytes(150_000, 2);
        Response refused = put(root + "/data/other.bin,binary", whole);
        refused.then().statusCode(503).header("Retry-After", "1");
        assertProblem(refused, 503, "ServiceUnavailable", "Unfinished uploads hold 265536 bytes and this block "
                + "would take them past xblmock.storage.max-staged-bytes (300000). " + RETRY_LATER);
        get(root + "/data/other.bin,binary").then().statusCode(404);

        put(big + "?finalBlock=true&continuationToken=" + token, randomBytes(50_000, 3)).then().statusCode(200);
        upload(root + "/data/other.bin,binary", whole);
        assertThat(get(root + "/data/other.bin,binary").asByteArray()).isEqualTo(whole);
        assertThat(get(big).asByteArray()).hasSize(250_000);
    }

    @Test
    void anUploadPastTheCountLimitIs503UntilOneFinishes() {
        String[] tokens = new String[3];
        for (int i = 0; i < 3; i++) {
            Response started = put(root + "/data/abandoned" + i + ".bin,binary?finalBlock=false", randomBytes(1024, i));
            started.then().statusCode(200);
            tokens[i] = started.jsonPath().getString("continuationToken");
        }

        for (String refusedUrl : new String[] {"/data/fourth.bin,binary?finalBlock=false", "/data/whole.bin,binary"}) {
            Response refused = put(root + refusedUrl, randomBytes(1024, 9));
            refused.then().statusCode(503).header("Retry-After", "1");
            assertProblem(refused, 503, "ServiceUnavailable",
                    "3 uploads are unfinished, the most xblmock.storage.max-staged-uploads allows. " + RETRY_LATER);
        }
        get(root + "/data/whole.bin,binary").then().statusCode(404);

        put(root + "/data/abandoned0.bin,binary?finalBlock=true&continuationToken=" + tokens[0], randomBytes(10, 0))
                .then().statusCode(200);
        byte[] whole = randomBytes(1024, 9);
        upload(root + "/data/whole.bin,binary", whole);
        assertThat(get(root + "/data/whole.bin,binary").asByteArray()).isEqualTo(whole);
    }
}
