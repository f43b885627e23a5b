package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 1.1, 1.3 and 1.5 on Title Storage routes: authorization, contract version, and client headers. */
class RequestHeadersIT extends TitleStorageApi {

    private final String url = global() + "/data/h.bin,binary";

    @Test
    void thePlaceholderAuthorizationOfAClientWithoutSignInIsAccepted() {
        byte[] body = randomBytes(10, 1);
        put(bare().urlEncodingEnabled(false).header("Authorization", "XBL3.0 x=;"), url, body).then().statusCode(201);
        Response get = bare().urlEncodingEnabled(false).header("Authorization", "XBL3.0 x=;").get(url);
        get.then().statusCode(200);
        assertThat(get.asByteArray()).isEqualTo(body);
        bare().header("Authorization", "XBL3.0 x=-;not-a-token").get(global()).then().statusCode(200);
        bare().header("Authorization", "xbl3.0 x=1234;eyJ.x.y").get(global()).then().statusCode(200);
    }

    @Test
    void aMissingAuthorizationIs401() {
        assertProblem(bare().urlEncodingEnabled(false).get(url), 401, "Unauthorized", "Authorization");
        assertProblem(put(bare().urlEncodingEnabled(false), url, randomBytes(3, 2)), 401, "Unauthorized");
        assertProblem(bare().get(global()), 401, "Unauthorized");
        assertProblem(bare().get(global() + "/data"), 401, "Unauthorized");
        get(url).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "XBL2.0 x=1;t", "Basic dXNlcjpwYXNz", "XBL3.0", ""})
    void anotherSchemeIs401(String header) {
        assertProblem(bare().header("Authorization", header).get(global()), 401, "Unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", " 2 "})
    void contractVersionsOneAndTwoBehaveTheSame(String version) {
        byte[] body = randomBytes(10, 3);
        String etag = etagOf(put(raw().header("x-xbl-contract-version", version), url, body));
        Response get = raw().header("x-xbl-contract-version", version).get(url);
        get.then().statusCode(200).header("ETag", etag);
        assertThat(get.asByteArray()).isEqualTo(body);
        assertThat(raw().header("x-xbl-contract-version", version).get(global() + "/data").asString())
                .isEqualTo(page(1, null, entry("h.bin,binary", etag, 10)));
    }

    @Test
    void aMissingContractVersionIsVersionOne() {
        upload(url, randomBytes(10, 4));
        get(url).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "4", "100", "2147483647"})
    void anUnsupportedContractVersionIs406(String version) {
        assertProblem(put(raw().header("x-xbl-contract-version", version), url, randomBytes(3, 5)), 406,
                "UnsupportedContractVersion", version);
        assertProblem(raw().header("x-xbl-contract-version", version).get(global()), 406, "UnsupportedContractVersion");
        get(url).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.0", "", "2147483648", "99999999999", "0x1"})
    void aContractVersionThatIsNotAPositive32BitIntegerIs400(String version) {
        assertProblem(raw().header("x-xbl-contract-version", version).get(global()), 400, "InvalidContractVersion",
                "x-xbl-contract-version");
    }

    @Test
    void xsapisSignatureAndExpectHeadersAndAnyHostWork() {
        byte[] body = randomBytes(2_000, 6);
        put(raw().header("Signature", "AAAAAQHZ+signature==").header("Host", "titlestorage.xboxlive.com"), url, body)
                .then().statusCode(201);
        Response get = raw().header("Expect", "100-continue").header("Signature", "x").get(url);
        get.then().statusCode(200);
        assertThat(get.asByteArray()).isEqualTo(body);
    }

    @Test
    void aPutThatWaitsFor100ContinueWorks() throws Exception {
        byte[] body = randomBytes(5_000, 7);
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                        .header("Authorization", PLACEHOLDER_AUTH)
                        .expectContinue(true)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(get(url).asByteArray()).isEqualTo(body);
    }

    @Test
    void everyResponseCarriesARequestIdAndEchoesMsCv() {
        Response ok = raw().header("MS-CV", "AbCdEfGh.1.2").get(global());
        ok.then().statusCode(200).header("MS-CV", "AbCdEfGh.1.2");
        assertThat(ok.header("X-Request-Id")).isNotBlank();
        Response error = raw().header("MS-CV", "cv.9").get(url);
        error.then().statusCode(404).header("MS-CV", "cv.9");
        assertThat(error.header("X-Request-Id")).isNotBlank().isNotEqualTo(ok.header("X-Request-Id"));
    }
}
