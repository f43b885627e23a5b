package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** SPEC 3.4: with quota-enforcement=hard a write that would take usedBytes past quotaBytes is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "xblmock.storage.quota-enforcement=hard",
        "xblmock.storage.quota-bytes.untrustedplatform=4096"})
class HardQuotaIT extends TitleStorageApi {

    private final String root = user("untrustedplatform", "8");

    private String quota() {
        return get(root).asString();
    }

    @Test
    void aWholeUploadPastTheQuotaIsRefused() {
        upload(root + "/data/a.bin,binary", randomBytes(4_000, 1));
        assertProblem(put(root + "/data/b.bin,binary", randomBytes(97, 2)), 400, "QuotaExceeded", "4097", "4096");
        get(root + "/data/b.bin,binary").then().statusCode(404);
        assertThat(quota()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":4000,\"quotaBytes\":4096}}");

        upload(root + "/data/b.bin,binary", randomBytes(96, 3)); // exactly at the quota
        assertThat(quota()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":4096,\"quotaBytes\":4096}}");
    }

    @Test
    void anOverwriteCountsOnlyTheDifference() {
        upload(root + "/data/a.bin,binary", randomBytes(4_000, 4));
        upload(root + "/data/a.bin,binary", randomBytes(4_096, 5));
        assertProblem(put(root + "/data/a.bin,binary", randomBytes(4_097, 6)), 400, "QuotaExceeded");
        assertThat(quota()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":4096,\"quotaBytes\":4096}}");
    }

    @Test
    void aMultiBlockUploadIsCheckedAtCommitAndItsTokenSurvivesTheRefusal() {
        upload(root + "/data/a.bin,binary", randomBytes(2_000, 7));
        String blob = root + "/data/big.bin,binary";
        Response first = put(blob + "?finalBlock=false", randomBytes(1_024, 8));
        String token = first.jsonPath().getString("continuationToken");
        Response second = put(blob + "?finalBlock=false&continuationToken=" + token, randomBytes(1_024, 9));
        String token2 = second.jsonPath().getString("continuationToken");
        assertThat(quota()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":2000,\"quotaBytes\":4096}}");

        assertProblem(put(blob + "?finalBlock=true&continuationToken=" + token2, randomBytes(49, 10)), 400,
                "QuotaExceeded");
        get(blob).then().statusCode(404);
        delete(root + "/data/a.bin,binary").then().statusCode(200);
        put(blob + "?finalBlock=true&continuationToken=" + token2, randomBytes(49, 10)).then().statusCode(200);
        assertThat(quota()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":2097,\"quotaBytes\":4096}}");
    }

    @Test
    void otherRootsKeepTheirDefaultQuota() {
        upload(user("trustedplatform", "8") + "/data/a.bin,binary", randomBytes(10_000, 11));
        assertThat(get(user("trustedplatform", "8")).asString())
                .isEqualTo("{\"quotaInfo\":{\"usedBytes\":10000,\"quotaBytes\":268435456}}");
    }
}
