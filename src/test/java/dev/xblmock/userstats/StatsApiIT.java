package dev.xblmock.userstats;

import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.xblmock.testsupport.ApiIT;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import tools.jackson.databind.json.JsonMapper;

/** Base of the User Statistics black-box tests: seeding through the control plane, exact JSON comparison. */
abstract class StatsApiIT extends ApiIT {

    static final String SCID = "7492baca-c1b4-440d-a391-b7ef364a8d40";
    static final String SCID_41 = "7492baca-c1b4-440d-a391-b7ef364a8d41";
    static final String XUID_1 = "2533274792693551";
    static final String XUID_2 = "2533274792693552";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Readable expected JSON (whitespace, line breaks) in the compact form the emulator writes. */
    static String compact(String json) {
        return JSON.writeValueAsString(JSON.readTree(json));
    }

    /** Writes stats through the control plane; {@code body} is the PUT body. */
    void putStats(String xuid, String scid, String body) {
        bare().contentType(ContentType.JSON).body(body)
                .put("/_emulator/stats/users/{xuid}/scids/{scid}", xuid, scid)
                .then().statusCode(200);
    }

    /** Paths are sent as written, like XSAPI does: {@code xuid(…)} with literal parentheses. */
    @Override
    protected RequestSpecification anonymous() {
        return super.anonymous().urlEncodingEnabled(false);
    }

    /** An anonymous Xbox request with {@code x-xbl-contract-version: version}. */
    RequestSpecification version(int version) {
        return anonymous().header("x-xbl-contract-version", String.valueOf(version));
    }

    /** POSTs a JSON batch with the given contract version. */
    Response batch(int version, String body) {
        return version(version).contentType(ContentType.JSON).body(body).post("/batch?operation=read");
    }

    /** POSTs {@code body} with exactly this Content-Type ({@code null}: none), bypassing REST-assured's encoders. */
    HttpResponse<String> rawPost(String pathAndQuery, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", PLACEHOLDER_AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts a 200 JSON answer whose body is exactly {@code expected} (member order included). */
    static void assertJson(Response response, String expected) {
        response.then().statusCode(200).contentType("application/json").body(equalTo(compact(expected)));
    }
}
