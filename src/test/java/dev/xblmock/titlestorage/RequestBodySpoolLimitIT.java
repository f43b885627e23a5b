package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Request bodies are received in memory before their request is handled; together they may hold no more than
 * xblmock.http.max-spooled-bytes: the request that would pass it gets 503 ServiceUnavailable with Retry-After
 * and nothing of it is stored, while smaller bodies go through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "xblmock.http.max-spooled-bytes=40000")
class RequestBodySpoolLimitIT extends TitleStorageApi {

    private final String root = user("trustedplatform", "9");

    @Test
    void aBodyPastTheSpoolLimitIs503AndSmallerOnesAreStored() {
        String big = root + "/data/big.bin,binary";
        Response refused = put(big, randomBytes(50_000, 1));
        refused.then().statusCode(503).header("Retry-After", "1");
        assertProblem(refused, 503, "ServiceUnavailable", "Request bodies being received hold ",
                " bytes and this one would take them past xblmock.http.max-spooled-bytes (40000). Retry later.");
        get(big).then().statusCode(404);

        byte[] small = randomBytes(30_000, 2);
        upload(root + "/data/small.bin,binary", small);
        assertThat(get(root + "/data/small.bin,binary").asByteArray()).isEqualTo(small);
    }
}
