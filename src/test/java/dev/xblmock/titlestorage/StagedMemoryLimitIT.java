package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The memory backend caps the bytes of pending uploads (xblmock.storage.max-staged-memory-bytes): the block
 * that would pass it gets 503 ServiceUnavailable with Retry-After, nothing of it is kept, and once pending
 * uploads commit the retry succeeds. Without the cap, abandoned uploads filled the heap until the server died.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "xblmock.storage.max-staged-memory-bytes=300000")
class StagedMemoryLimitIT extends TitleStorageApi {

    private final String root = user("trustedplatform", "9");

    @BeforeEach
    void memoryBackendOnly() {
        assumeTrue(System.getProperty("xblmock.storage.backend") == null, "the filesystem backend stages on disk");
    }

    @Test
    void aBlockPastTheBudgetIs503UntilPendingUploadsCommit() {
        String big = root + "/data/big.bin,binary";
        Response first = put(big + "?finalBlock=false", randomBytes(200_000, 1));
        first.then().statusCode(200);
        String token = first.jsonPath().getString("continuationToken");

        byte[] whole = randomBytes(150_000, 2);
        Response refused = put(root + "/data/other.bin,binary", whole);
        refused.then().statusCode(503).header("Retry-After", "1");
        assertProblem(refused, 503, "ServiceUnavailable", "Pending uploads hold 265536 bytes of memory and this "
                + "block would take them past xblmock.storage.max-staged-memory-bytes (300000). Retry later: "
                + "pending uploads free their memory when committed or expired (xblmock.storage.upload-idle-timeout); "
                + "or raise the limit, or use the filesystem backend.");
        get(root + "/data/other.bin,binary").then().statusCode(404);

        put(big + "?finalBlock=true&continuationToken=" + token, randomBytes(50_000, 3)).then().statusCode(200);
        upload(root + "/data/other.bin,binary", whole);
        assertThat(get(root + "/data/other.bin,binary").asByteArray()).isEqualTo(whole);
        assertThat(get(big).asByteArray()).hasSize(250_000);
    }
}
