package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** SPEC 3.4: a blob's total size is limited by xblmock.storage.max-blob-bytes, whole or in blocks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xblmock.storage.max-blob-bytes=3000")
class BlobSizeLimitIT extends TitleStorageApi {

    private final String url = global() + "/data/limited.bin,binary";

    @Test
    void aWholeUploadOverTheLimitIsRefused() {
        assertProblem(put(url, randomBytes(3_001, 1)), 400, "BlobTooLarge", "3000");
        get(url).then().statusCode(404);
        byte[] body = randomBytes(3_000, 2);
        upload(url, body);
        assertThat(get(url).asByteArray()).isEqualTo(body);
    }

    @Test
    void theBlockThatCrossesTheLimitIsRefusedAndItsTokenSurvives() {
        byte[] first = randomBytes(2_000, 3);
        String token = put(url + "?finalBlock=false", first).jsonPath().getString("continuationToken");
        assertProblem(put(url + "?finalBlock=true&continuationToken=" + token, randomBytes(1_001, 4)), 400,
                "BlobTooLarge", "3000");
        get(url).then().statusCode(404);

        byte[] last = randomBytes(1_000, 5);
        put(url + "?finalBlock=true&continuationToken=" + token, last).then().statusCode(200);
        Response get = get(url);
        get.then().header("Content-Length", "3000");
        assertThat(get.asByteArray()).isEqualTo(concat(first, last));
    }
}
