package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3.2–3.5 and 7: If-Match / If-None-Match on GET, PUT and DELETE, as real clients send them. */
class ConditionalRequestIT extends TitleStorageApi {

    private static final String OTHER_ETAG = "0x000000000000001";
    private final String url = user("trustedplatform", "77") + "/data/profile.bin,binary";

    // ---- GET ----

    @ParameterizedTest
    @ValueSource(strings = {"%s", "\"%s\"", "W/\"%s\"", "*", "0x0000000000000AA, %s"})
    void ifNoneMatchTheCurrentEtagIs304WithTheEtagAndNoBody(String pattern) {
        String etag = upload(url, randomBytes(50, 201));
        Response response = raw().header("If-None-Match", pattern.formatted(etag)).get(url);
        response.then().statusCode(304).header("ETag", etag);
        assertThat(response.asByteArray()).isEmpty();
    }

    @Test
    void ifNoneMatchAnotherEtagServesTheBlob() {
        byte[] body = randomBytes(50, 202);
        String etag = upload(url, body);
        Response response = raw().header("If-None-Match", OTHER_ETAG).get(url);
        response.then().statusCode(200).header("ETag", etag);
        assertThat(response.asByteArray()).isEqualTo(body);
    }

    @Test
    void xsapisInvalidEtagValueMatchesNothing() {
        byte[] body = randomBytes(50, 203);
        String etag = upload(url, body);

        Response unconditional = raw().header("If-None-Match", "InvalidETagValue").get(url);
        unconditional.then().statusCode(200).header("ETag", etag);
        assertThat(unconditional.asByteArray()).isEqualTo(body);

        assertProblem(raw().header("If-Match", "InvalidETagValue").get(url), 412, "PreconditionFailed",
                "If-Match", "InvalidETagValue", etag);
        assertProblem(put(raw().header("If-Match", "InvalidETagValue"), url, randomBytes(5, 204)), 412,
                "PreconditionFailed");
        String replaced = etagOf(put(raw().header("If-None-Match", "InvalidETagValue"), url, randomBytes(5, 205)));
        assertThat(etagValue(replaced)).isGreaterThan(etagValue(etag));
        assertProblem(raw().header("If-Match", "InvalidETagValue").delete(url), 412, "PreconditionFailed");
        get(url).then().statusCode(200).header("ETag", replaced);
    }

    @Test
    void aRequestHeaderNamedEtagIsIgnored() {
        String etag = upload(url, randomBytes(50, 206));
        raw().header("ETag", etag).get(url).then().statusCode(200);
        String next = etagOf(put(raw().header("ETag", OTHER_ETAG), url, randomBytes(5, 207)));
        assertThat(next).isNotEqualTo(etag);
        raw().header("ETag", OTHER_ETAG).delete(url).then().statusCode(200);
        get(url).then().statusCode(404);
    }

    @Test
    void getWithIfMatch() {
        byte[] body = randomBytes(50, 208);
        String etag = upload(url, body);
        Response match = raw().header("If-Match", etag).get(url);
        match.then().statusCode(200).header("ETag", etag);
        assertThat(match.asByteArray()).isEqualTo(body);
        raw().header("If-Match", "*").get(url).then().statusCode(200);
        assertProblem(raw().header("If-Match", OTHER_ETAG).get(url), 412, "PreconditionFailed", "If-Match",
                OTHER_ETAG, etag);
    }

    @Test
    void getWithIfMatchOnAMissingBlobIs412() {
        assertProblem(raw().header("If-Match", "*").get(url), 412, "PreconditionFailed", "does not exist");
        assertProblem(raw().header("If-Match", OTHER_ETAG).get(url), 412, "PreconditionFailed");
        assertProblem(raw().header("If-None-Match", "*").get(url), 404, "BlobNotFound");
    }

    // ---- PUT ----

    @Test
    void putWithIfMatch() {
        String etag = upload(url, randomBytes(50, 209));
        assertProblem(put(raw().header("If-Match", OTHER_ETAG), url, randomBytes(5, 210)), 412, "PreconditionFailed",
                "If-Match", etag);
        get(url).then().header("ETag", etag).header("Content-Length", "50");

        String quoted = etagOf(put(raw().header("If-Match", "\"" + etag + "\""), url, randomBytes(6, 211)));
        String star = etagOf(put(raw().header("If-Match", "*"), url, randomBytes(7, 212)));
        assertThat(etagValue(star)).isGreaterThan(etagValue(quoted));
        get(url).then().header("ETag", star).header("Content-Length", "7");
    }

    @Test
    void putWithIfMatchOnAMissingBlobIs412() {
        assertProblem(put(raw().header("If-Match", "*"), url, randomBytes(5, 213)), 412, "PreconditionFailed");
        assertProblem(put(raw().header("If-Match", OTHER_ETAG), url, randomBytes(5, 214)), 412, "PreconditionFailed");
        get(url).then().statusCode(404);
    }

    @Test
    void putWithIfNoneMatchStarCreatesOnlyOnce() {
        String etag = etagOf(put(raw().header("If-None-Match", "*"), url, randomBytes(5, 215)));
        assertProblem(put(raw().header("If-None-Match", "*"), url, randomBytes(6, 216)), 412, "PreconditionFailed",
                "If-None-Match");
        get(url).then().header("ETag", etag).header("Content-Length", "5");
    }

    @Test
    void putWithIfNoneMatchAnEtag() {
        String etag = upload(url, randomBytes(5, 217));
        assertProblem(put(raw().header("If-None-Match", etag), url, randomBytes(6, 218)), 412, "PreconditionFailed");
        get(url).then().header("ETag", etag);
        put(raw().header("If-None-Match", OTHER_ETAG), url, randomBytes(6, 219)).then().statusCode(201);
        get(url).then().header("Content-Length", "6");
    }

    // ---- DELETE ----

    @Test
    void deleteWithIfMatch() {
        String etag = upload(url, randomBytes(5, 220));
        assertProblem(raw().header("If-Match", OTHER_ETAG).delete(url), 412, "PreconditionFailed", etag);
        get(url).then().statusCode(200).header("ETag", etag);

        Response deleted = raw().header("If-Match", etag).delete(url);
        deleted.then().statusCode(200);
        assertThat(deleted.asString()).isEmpty();
        get(url).then().statusCode(404);
    }

    @Test
    void deleteWithIfMatchStarOnAnExistingBlob() {
        upload(url, randomBytes(5, 221));
        raw().header("If-Match", "*").delete(url).then().statusCode(200);
        get(url).then().statusCode(404);
    }

    @Test
    void deleteWithIfMatchOnAMissingBlobIs412() {
        assertProblem(raw().header("If-Match", OTHER_ETAG).delete(url), 412, "PreconditionFailed", "does not exist");
        assertProblem(raw().header("If-Match", "*").delete(url), 412, "PreconditionFailed");
    }
}
