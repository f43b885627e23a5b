package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;

import org.junit.jupiter.api.Test;

/**
 * SPEC 7 order of checks: authentication → contract version → route and identifiers → ownership → query and
 * headers → body size → body content → preconditions → existence.
 */
class OrderOfChecksIT extends TitleStorageApi {

    @Test
    void authenticationComesBeforeEverything() {
        assertProblem(bare().urlEncodingEnabled(false).get("/global/scids/a%20b/data/x,binary"), 401, "Unauthorized");
        assertProblem(bare().urlEncodingEnabled(false).header("x-xbl-contract-version", "abc")
                .get(global() + "/data/x,bin"), 401, "Unauthorized");
        assertProblem(bare().urlEncodingEnabled(false).header("x-xbl-contract-version", "3")
                .get(global() + "/data/x,binary"), 401, "Unauthorized");
    }

    @Test
    void theContractVersionComesBeforeTheRoute() {
        assertProblem(raw().header("x-xbl-contract-version", "abc").get("/global/scids/a%20b/data/x,binary"), 400,
                "InvalidContractVersion");
        assertProblem(raw().header("x-xbl-contract-version", "3").get(global() + "/data/x,bin"), 406,
                "UnsupportedContractVersion");
        assertProblem(raw().header("x-xbl-contract-version", "3").get("/global/scid/x"), 406,
                "UnsupportedContractVersion");
    }

    @Test
    void theRouteComesBeforeOwnership() {
        assertProblem(put(as("456"), trusted("123") + "/data/x,bin",
                randomBytes(3, 1)), 400, "InvalidPath");
        assertProblem(put(as("456"), "/trustedplatform/users/xuid(123)/scid/S",
                randomBytes(3, 1)), 404, "NoSuchRoute");
    }

    @Test
    void ownershipComesBeforeQueryValidation() {
        assertProblem(put(as("456"),
                trusted("123") + "/data/x.bin,binary?clientFileTime=garbage", randomBytes(3, 1)), 403, "Forbidden");
        assertProblem(put(as("456"),
                trusted("123") + "/data/x.bin,binary?finalBlock=maybe&continuationToken=nope", randomBytes(3, 1)), 403,
                "Forbidden");
    }

    @Test
    void queryValidationComesBeforeTheBodySize() {
        assertProblem(put(global() + "/data/x.bin,binary?finalBlock=maybe", new byte[4_194_305]), 400,
                "InvalidParameter", "'finalBlock'");
        assertProblem(put(global() + "/data/x.bin,binary?displayName=" + "n".repeat(129), new byte[4_194_305]), 400,
                "InvalidDisplayName");
    }

    @Test
    void theBodySizeComesBeforeTheBodyContentAndPreconditions() {
        byte[] invalidJson = new byte[4_194_305];
        assertProblem(put(raw().header("If-Match", "0x000000000000001"), global() + "/data/x.json,json", invalidJson),
                400, "BodyTooLarge");
    }

    @Test
    void multiBlockNotAllowedComesBeforeInvalidContinuationToken() {
        assertProblem(put(global() + "/data/x.json,json?finalBlock=true&continuationToken=unknown", utf8("{}")), 400,
                "MultiBlockNotAllowed");
    }

    @Test
    void theBodyContentComesBeforePreconditions() {
        String url = global() + "/data/x.json,json";
        upload(url, utf8("{}"));
        assertProblem(put(raw().header("If-Match", "0x000000000000001"), url, utf8("{not json")), 400, "InvalidJson");
        assertProblem(put(raw().header("If-None-Match", "*"), url, utf8("[")), 400, "InvalidJson");
    }

    @Test
    void preconditionsComeBeforeExistence() {
        assertProblem(raw().header("If-Match", "0x000000000000001").get(global() + "/data/missing.bin,binary"), 412,
                "PreconditionFailed");
        assertProblem(raw().header("If-Match", "*").get(global() + "/data/missing.bin,binary"), 412,
                "PreconditionFailed");
    }
}
