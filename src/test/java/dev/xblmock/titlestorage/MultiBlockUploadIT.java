package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3.4 and 7: multi-block uploads: tokens, block sizes, retransmission, atomic commit, conditions. */
class MultiBlockUploadIT extends TitleStorageApi {

    private static final Pattern TOKEN_BODY = Pattern.compile(
            "\\{\"continuationToken\":\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(\\d+)\"}");

    private final String url = user("universalplatform", "2533274790395904") + "/data/saves/big.bin,binary";
    private final String root = user("universalplatform", "2533274790395904");

    private Response block(RequestSpecification request, String blobUrl, String token, String finalBlock, byte[] body) {
        StringBuilder query = new StringBuilder();
        if (token != null) {
            query.append("continuationToken=").append(token);
        }
        if (finalBlock != null) {
            query.append(query.isEmpty() ? "" : "&").append("finalBlock=").append(finalBlock);
        }
        return put(request, blobUrl + (query.isEmpty() ? "" : "?" + query), body);
    }

    private Response block(String token, boolean finalBlock, byte[] body) {
        return block(raw(), url, token, String.valueOf(finalBlock), body);
    }

    /** Asserts a non-final block's answer and returns its token. */
    private static String tokenOf(Response response, int expectedBlocks) {
        response.then().statusCode(200).header("Content-Type", JSON).header("ETag", nullValue());
        Matcher body = TOKEN_BODY.matcher(response.asString());
        assertThat(body.matches()).as("body %s", response.asString()).isTrue();
        assertThat(Integer.parseInt(body.group(2))).isEqualTo(expectedBlocks);
        return body.group(1) + "-" + body.group(2);
    }

    /** Asserts a commit's answer (200, {}, ETag) and returns its ETag. */
    private static String committed(Response response) {
        response.then().statusCode(200).header("Content-Type", JSON);
        assertThat(response.asString()).isEqualTo("{}");
        return etagOf(response);
    }

    private void assertServed(String expectedEtag, byte[] expected) {
        Response get = get(url);
        get.then().statusCode(200).header("ETag", expectedEtag).header("Content-Length", String.valueOf(expected.length));
        assertThat(get.asByteArray()).isEqualTo(expected);
    }

    @Test
    void xsapiUploads262145BytesAs256KiBPlusOneByte() {
        byte[] first = randomBytes(262_144, 31);
        byte[] last = {(byte) 0xFF};

        String token = tokenOf(block(null, false, first), 1);
        String etag = committed(block(token, true, last));

        assertServed(etag, concat(first, last));
        assertThat(listing(root + "/data/saves")).isEqualTo(page(1, null, entry("saves/big.bin,binary", etag, 262_145)));
        assertThat(get(root).asString()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":262145,\"quotaBytes\":268435456}}");
    }

    @Test
    void tokensCountTheBlocksOfOneUpload() {
        byte[] a = randomBytes(1_024, 32);
        byte[] b = randomBytes(5_000, 33);
        byte[] c = randomBytes(1_024, 34);
        byte[] d = randomBytes(10, 35);

        String t1 = tokenOf(block(null, false, a), 1);
        String t2 = tokenOf(block(t1, false, b), 2);
        String t3 = tokenOf(block(t2, false, c), 3);
        assertThat(t2.substring(0, 36)).isEqualTo(t1.substring(0, 36));
        assertThat(t3.substring(0, 36)).isEqualTo(t1.substring(0, 36));
        String etag = committed(block(t3, true, d));

        assertServed(etag, concat(a, b, c, d));
        String other = tokenOf(block(raw(), global() + "/data/x.bin,binary", null, "false", a), 1);
        assertThat(other.substring(0, 36)).isNotEqualTo(t1.substring(0, 36));
    }

    @Test
    void aNonFinalBlockMustHaveAtLeast1024Bytes() {
        assertProblem(block(null, false, randomBytes(1_023, 36)), 400, "BlockTooSmall", "1023", "1024");
        get(url).then().statusCode(404);

        byte[] first = randomBytes(1_024, 37);
        String t1 = tokenOf(block(null, false, first), 1);
        assertProblem(block(t1, false, randomBytes(1_000, 38)), 400, "BlockTooSmall", "1000", "1024");
        assertProblem(block(t1, false, new byte[0]), 400, "BlockTooSmall");

        // the refused blocks consumed nothing: the same token takes the next block, and a tiny final block is fine
        byte[] second = randomBytes(2_048, 39);
        String t2 = tokenOf(block(t1, false, second), 2);
        byte[] last = randomBytes(1, 40);
        assertServed(committed(block(t2, true, last)), concat(first, second, last));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/global/scids/MockScid/data/doc.json,json",
            "/global/scids/MockScid/data/settings.json,config",
            "/json/users/xuid(7)/scids/MockScid/data/doc.json,json"})
    void jsonAndConfigMustBeUploadedWhole(String blobUrl) {
        byte[] json = utf8("{\"a\":1}");
        assertProblem(block(raw(), blobUrl, null, "false", json), 400, "MultiBlockNotAllowed", "finalBlock=false");
        assertProblem(block(raw(), blobUrl, "not-a-token", "true", json), 400, "MultiBlockNotAllowed");
        assertProblem(block(raw(), blobUrl, "not-a-token", "false", json), 400, "MultiBlockNotAllowed");
        assertProblem(block(raw(), blobUrl, "not-a-token", null, json), 400, "MultiBlockNotAllowed");
        get(blobUrl).then().statusCode(404);
    }

    @Test
    void aLiveBinaryTokenOnAJsonBlobIsStillMultiBlockNotAllowed() {
        String token = tokenOf(block(null, false, randomBytes(1_024, 41)), 1);
        assertProblem(block(raw(), root + "/data/saves/big.bin,json", token, "true", utf8("{}")), 400,
                "MultiBlockNotAllowed");
    }

    @Test
    void aTokenWithoutFinalBlockIsRefused() {
        String token = tokenOf(block(null, false, randomBytes(1_024, 42)), 1);
        assertProblem(block(raw(), url, token, null, randomBytes(1_024, 43)), 400, "InvalidParameter", "'finalBlock'");
        // not consumed
        tokenOf(block(token, false, randomBytes(1_024, 44)), 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "00000000-0000-0000-0000-000000000000-1", "-1", "abc-"})
    void anUnknownTokenIsRefused(String token) {
        assertProblem(block(token, true, randomBytes(10, 45)), 400, "InvalidContinuationToken", "continuationToken");
        get(url).then().statusCode(404);
    }

    @Test
    void aTokenIsBoundToTheBlobItStartedOn() {
        byte[] first = randomBytes(1_024, 46);
        String token = tokenOf(block(null, false, first), 1);

        assertProblem(block(raw(), root + "/data/saves/other.bin,binary", token, "true", randomBytes(5, 47)), 400,
                "InvalidContinuationToken", "another blob");
        assertProblem(block(raw(), user("universalplatform", "1") + "/data/saves/big.bin,binary", token, "true",
                randomBytes(5, 47)), 400, "InvalidContinuationToken");
        assertProblem(block(raw(), user("trustedplatform", "2533274790395904") + "/data/saves/big.bin,binary", token,
                "true", randomBytes(5, 47)), 400, "InvalidContinuationToken");
        get(root + "/data/saves/other.bin,binary").then().statusCode(404);

        byte[] last = randomBytes(5, 48);
        assertServed(committed(block(token, true, last)), concat(first, last));
    }

    @Test
    void aCountedTokenThatIsNotTheCurrentOneIsRefused() {
        String t1 = tokenOf(block(null, false, randomBytes(1_024, 49)), 1);
        byte[] second = randomBytes(1_024, 50);
        String t2 = tokenOf(block(t1, false, second), 2);
        tokenOf(block(t2, false, randomBytes(1_024, 51)), 3);

        assertProblem(block(t1, false, second), 400, "InvalidContinuationToken", "stale");
        String guid = t1.substring(0, 36);
        assertProblem(block(guid + "-7", false, second), 400, "InvalidContinuationToken");
        assertProblem(block(guid + "-0", false, second), 400, "InvalidContinuationToken");
    }

    @Test
    void aRetransmittedBlockGetsTheSameAnswerAndIsNotAppendedTwice() {
        byte[] first = randomBytes(1_024, 52);
        byte[] second = randomBytes(3_000, 53);
        byte[] last = randomBytes(7, 54);
        String t1 = tokenOf(block(null, false, first), 1);
        Response answer = block(t1, false, second);
        String t2 = tokenOf(answer, 2);

        Response again = block(t1, false, second);
        assertThat(tokenOf(again, 2)).isEqualTo(t2);
        assertThat(again.asString()).isEqualTo(answer.asString());

        assertServed(committed(block(t2, true, last)), concat(first, second, last));
    }

    @Test
    void theSameTokenWithDifferentBytesIsRefused() {
        byte[] first = randomBytes(1_024, 55);
        String t1 = tokenOf(block(null, false, first), 1);
        byte[] second = randomBytes(2_000, 56);
        String t2 = tokenOf(block(t1, false, second), 2);

        byte[] altered = second.clone();
        altered[1_000] ^= 1;
        assertProblem(block(t1, false, altered), 400, "InvalidContinuationToken", "different bytes", t2);

        byte[] last = randomBytes(3, 57);
        assertServed(committed(block(t2, true, last)), concat(first, second, last));
    }

    @Test
    void aRetransmittedFinalBlockAfterCommitGetsTheSameAnswerAndNoNewVersion() {
        byte[] first = randomBytes(1_024, 58);
        byte[] last = randomBytes(100, 59);
        String t1 = tokenOf(block(null, false, first), 1);
        String etag = committed(block(t1, true, last));

        assertThat(committed(block(t1, true, last))).isEqualTo(etag);
        assertServed(etag, concat(first, last));
        assertThat(listing(root + "/data")).isEqualTo(page(1, null, entry("saves/big.bin,binary", etag, 1_124)));

        byte[] altered = last.clone();
        altered[0] ^= 1;
        assertProblem(block(t1, true, altered), 400, "InvalidContinuationToken");
        String guid = t1.substring(0, 36);
        assertProblem(block(guid + "-2", true, last), 400, "InvalidContinuationToken");
        assertServed(etag, concat(first, last));
    }

    @Test
    void aFinalBlockRefusedByItsPreconditionDoesNotConsumeTheToken() {
        byte[] first = randomBytes(1_024, 60);
        String t1 = tokenOf(block(null, false, first), 1);
        byte[] last = randomBytes(500, 61);

        assertProblem(block(raw().header("If-Match", "0x000000000000001"), url, t1, "true", last), 412,
                "PreconditionFailed", "If-Match");
        get(url).then().statusCode(404);

        assertServed(committed(block(t1, true, last)), concat(first, last));
    }

    @Test
    void aFinalBlockWithABadQueryParameterDoesNotConsumeTheToken() {
        byte[] first = randomBytes(1_024, 62);
        String t1 = tokenOf(block(null, false, first), 1);
        byte[] last = randomBytes(20, 63);

        assertProblem(put(url + "?continuationToken=" + t1 + "&finalBlock=true&clientFileTime=soon", last), 400,
                "InvalidParameter", "'clientFileTime'");
        assertProblem(put(url + "?continuationToken=" + t1 + "&finalBlock=maybe", last), 400, "InvalidParameter",
                "'finalBlock'");
        assertServed(committed(block(t1, true, last)), concat(first, last));
    }

    @Test
    void anOversizeBlockDoesNotConsumeTheToken() {
        byte[] first = randomBytes(1_024, 64);
        String t1 = tokenOf(block(null, false, first), 1);
        assertProblem(block(t1, false, new byte[4_194_305]), 400, "BodyTooLarge");

        byte[] second = randomBytes(4_194_304, 65);
        String t2 = tokenOf(block(t1, false, second), 2);
        byte[] last = randomBytes(1, 66);
        assertServed(committed(block(t2, true, last)), concat(first, second, last));
    }

    @Test
    void readersSeeThePreviousVersionUntilTheCommit() {
        byte[] previous = randomBytes(600, 67);
        String previousEtag = upload(url, previous);
        String previousListing = page(1, null, entry("saves/big.bin,binary", previousEtag, 600));

        String t1 = tokenOf(block(null, false, randomBytes(2_048, 68)), 1);
        assertServed(previousEtag, previous);
        String t2 = tokenOf(block(t1, false, randomBytes(1_024, 69)), 2);
        assertServed(previousEtag, previous);
        assertThat(listing(root + "/data")).isEqualTo(previousListing);
        assertThat(get(root).jsonPath().getLong("quotaInfo.usedBytes")).isEqualTo(600);

        String etag = committed(block(t2, true, randomBytes(1, 70)));
        assertThat(etagValue(etag)).isGreaterThan(etagValue(previousEtag));
        assertThat(get(root).jsonPath().getLong("quotaInfo.usedBytes")).isEqualTo(3_073);
    }

    @Test
    void aNewBlobIsAbsentUntilTheCommit() {
        String t1 = tokenOf(block(null, false, randomBytes(1_024, 71)), 1);
        String t2 = tokenOf(block(t1, false, randomBytes(1_024, 72)), 2);
        assertProblem(get(url), 404, "BlobNotFound");
        assertThat(listing(root + "/data")).isEqualTo(EMPTY_LISTING);
        assertThat(get(root).asString()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":0,\"quotaBytes\":268435456}}");

        committed(block(t2, true, new byte[0]));
        get(url).then().statusCode(200).header("Content-Length", "2048");
    }

    @Test
    void theFirstBlockChecksItsConditions() {
        byte[] first = randomBytes(1_024, 73);
        assertProblem(block(raw().header("If-Match", "*"), url, null, "false", first), 412, "PreconditionFailed");
        tokenOf(block(raw().header("If-None-Match", "*"), url, null, "false", first), 1);

        String etag = upload(url, randomBytes(10, 74));
        assertProblem(block(raw().header("If-None-Match", "*"), url, null, "false", first), 412, "PreconditionFailed",
                "If-None-Match");
        assertProblem(block(raw().header("If-None-Match", etag), url, null, "false", first), 412, "PreconditionFailed");
        assertProblem(block(raw().header("If-Match", "0x000000000000001"), url, null, "false", first), 412,
                "PreconditionFailed", etag);
        tokenOf(block(raw().header("If-Match", etag), url, null, "false", first), 1);
        tokenOf(block(raw().header("If-Match", "*"), url, null, "false", first), 1);
    }

    @Test
    void theFinalBlockChecksItsOwnConditionsAgainstTheBlobAtCommit() {
        String e1 = upload(url, randomBytes(10, 75));
        byte[] first = randomBytes(1_024, 76);
        byte[] last = randomBytes(5, 77);
        String t1 = tokenOf(block(raw().header("If-Match", e1), url, null, "false", first), 1);
        String e2 = upload(url, randomBytes(20, 78)); // someone else writes meanwhile

        assertProblem(block(raw().header("If-Match", e1), url, t1, "true", last), 412, "PreconditionFailed", e2);
        assertProblem(block(raw().header("If-None-Match", "*"), url, t1, "true", last), 412, "PreconditionFailed");
        assertProblem(block(raw().header("If-None-Match", e2), url, t1, "true", last), 412, "PreconditionFailed");
        assertServed(e2, get(url).asByteArray());

        String e3 = committed(block(raw().header("If-Match", e2), url, t1, "true", last));
        assertServed(e3, concat(first, last));
    }

    @Test
    void aFinalBlockWithoutConditionsCommitsEvenIfTheFirstBlocksConditionNoLongerHolds() {
        String e1 = upload(url, randomBytes(10, 79));
        byte[] first = randomBytes(1_024, 80);
        String t1 = tokenOf(block(raw().header("If-Match", e1), url, null, "false", first), 1);
        upload(url, randomBytes(20, 81));

        byte[] last = randomBytes(5, 82);
        assertServed(committed(block(t1, true, last)), concat(first, last));
    }

    @Test
    void aFinalBlockWithIfNoneMatchStarFailsWhenTheBlobWasCreatedMeanwhile() {
        String t1 = tokenOf(block(raw().header("If-None-Match", "*"), url, null, "false", randomBytes(1_024, 83)), 1);
        String other = upload(url, randomBytes(20, 84));
        assertProblem(block(raw().header("If-None-Match", "*"), url, t1, "true", randomBytes(5, 85)), 412,
                "PreconditionFailed");
        get(url).then().header("ETag", other);
    }

    @Test
    void clientFileTimeAndDisplayNameComeFromTheFinalBlockElseTheFirst() {
        String t1 = tokenOf(put(url + "?finalBlock=false&clientFileTime=" + q("Thu, 01 Jan 1970 00:00:01 GMT")
                + "&displayName=First", randomBytes(1_024, 86)), 1);
        String etag = committed(put(url + "?finalBlock=true&continuationToken=" + t1
                + "&clientFileTime=2020-05-06T07:08:09Z", randomBytes(4, 87)));
        String other = root + "/data/saves/other.bin,binary";
        String u1 = tokenOf(put(other + "?finalBlock=false&clientFileTime=2001-02-03T04:05:06.7Z&displayName=Kept",
                randomBytes(1_024, 88)), 1);
        String otherEtag = committed(put(other + "?finalBlock=true&continuationToken=" + u1, randomBytes(4, 89)));
        String third = root + "/data/saves/third.bin,binary";
        String v1 = tokenOf(put(third + "?finalBlock=false", randomBytes(1_024, 90)), 1);
        String thirdEtag = committed(put(third + "?finalBlock=true&continuationToken=" + v1 + "&displayName=Last",
                randomBytes(4, 91)));

        assertThat(listing(root + "/data/saves")).isEqualTo(page(3, null,
                "{\"fileName\":\"saves/big.bin,binary\",\"etag\":\"" + etag
                        + "\",\"size\":1028,\"clientFileTime\":\"2020-05-06T07:08:09.0000000Z\",\"displayName\":\"First\"}",
                "{\"fileName\":\"saves/other.bin,binary\",\"etag\":\"" + otherEtag
                        + "\",\"size\":1028,\"clientFileTime\":\"2001-02-03T04:05:06.7000000Z\",\"displayName\":\"Kept\"}",
                "{\"fileName\":\"saves/third.bin,binary\",\"etag\":\"" + thirdEtag
                        + "\",\"size\":1028,\"displayName\":\"Last\"}"));
    }
}
