package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** SPEC 1.2: with read-access.trustedplatform=owner, another user's reads of that root are 403. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xblmock.storage.read-access.trustedplatform=owner")
class ReadAccessOwnerIT extends TitleStorageApi {

    @Test
    void anotherUserMayNotReadListOrSeeTheQuota() {
        String url = trusted("123") + "/data/save.bin,binary";
        put(as("123"), url, randomBytes(5, 1)).then().statusCode(201);

        assertProblem(as("456").get(url), 403, "Forbidden", "456", "123");
        assertProblem(as("456").get(trusted("123") + "/data"), 403, "Forbidden");
        assertProblem(as("456").get(trusted("123")), 403, "Forbidden");
        assertProblem(as("456").get(trusted("123") + "/data/missing.bin,binary"), 403, "Forbidden");
    }

    @Test
    void theOwnerReadsAsUsual() {
        String url = trusted("123") + "/data/save.bin,binary";
        put(as("123"), url, randomBytes(5, 2)).then().statusCode(201);
        as("123").get(url).then().statusCode(200);
        as("0123").get(url).then().statusCode(200);
        as("123").get(trusted("123") + "/data").then().statusCode(200);
        as("123").get(trusted("123")).then().statusCode(200);
    }

    @Test
    void otherRootsKeepTheirDefaultReadAccess() {
        String url = user("universalplatform", "123") + "/data/save.bin,binary";
        put(as("123"), url, randomBytes(5, 3)).then().statusCode(201);
        as("456").get(url).then().statusCode(200);
        as("456").get(user("untrustedplatform", "123")).then().statusCode(200);
    }

    @Test
    void anAnonymousCallerIsNotCheckedInLooseMode() {
        put(as("123"), trusted("123") + "/data/save.bin,binary", randomBytes(5, 4)).then().statusCode(201);
        get(trusted("123") + "/data/save.bin,binary").then().statusCode(200);
    }
}
