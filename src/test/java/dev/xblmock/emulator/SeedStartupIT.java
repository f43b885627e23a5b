package dev.xblmock.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.xblmock.testsupport.ApiIT;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/** A startup seed directory: {@code seed.yaml} with blob files beside it; reset and reseed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xblmock.seed=src/test/resources/seed/startup")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedStartupIT extends ApiIT {

    private static final String GLOBAL = "/global/scids/00000000-0000-0000-0000-000066591171";
    private static final String SAVE = "/trustedplatform/users/xuid(2533274792693551)/scids/"
            + "00000000-0000-0000-0000-000066591171/data/saves/slot1.sav,binary";
    private static final String STATS = "/users/xuid(2533274792693551)/scids/00000000-0000-0000-0000-000066591171/stats";
    private static final byte[] SAVE_BYTES = {0x00, 0x01, 0x02, (byte) 0xFE, (byte) 0xFF, 's', 'a', 'v', 'e'};

    /**
     * Runs before the startup seed (runners run once the server listens): the health check must say 503
     * then, and the seed must not be there yet.
     */
    @TestConfiguration
    static class ProbeBeforeSeed {
        static volatile int health;
        static volatile int seededBlob;

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ApplicationRunner probeBeforeSeed(Environment environment) {
            return args -> {
                String base = "http://127.0.0.1:" + environment.getProperty("local.server.port");
                HttpClient client = HttpClient.newHttpClient();
                health = client.send(HttpRequest.newBuilder(URI.create(base + "/_emulator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                seededBlob = client.send(HttpRequest.newBuilder(URI.create(base + GLOBAL + "/data/inline.txt,binary"))
                        .header("Authorization", PLACEHOLDER_AUTH).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            };
        }
    }

    /** The state as the startup seed left it, read before the base class resets anything. */
    private String listingAtStartup;
    private int healthAtStartup;

    private RequestSpecification raw() {
        return bare().urlEncodingEnabled(false).header("Authorization", PLACEHOLDER_AUTH);
    }

    @BeforeAll
    void captureStartupState() {
        healthAtStartup = bare().get("/_emulator/health").statusCode();
        listingAtStartup = raw().get(GLOBAL + "/data").then().statusCode(200).extract().asString();
    }

    private void assertSeeded() {
        raw().get(GLOBAL + "/data/config/motd.json,json").then().statusCode(200)
                .body(equalTo("{\n  \"motd\": \"from a file\"\n}\n"));
        assertThat(raw().get(SAVE).then().statusCode(200).extract().asByteArray()).isEqualTo(SAVE_BYTES);
        raw().get(GLOBAL + "/data/inline.txt,binary").then().statusCode(200).body(equalTo("inline"));
        Json.assertJson(raw().get(STATS).then().statusCode(200).extract().asString(), "{\"xuid\":\"2533274792693551\","
                + "\"gamertag\":\"WarriorSaint\",\"scids\":[{\"scid\":\"00000000-0000-0000-0000-000066591171\","
                + "\"stats\":[{\"statname\":\"OverallReputation\",\"type\":\"Integer\",\"value\":\"66\"}]}]}");
    }

    @Test
    void healthIs503UntilTheStartupSeedIsLoaded() {
        assertThat(ProbeBeforeSeed.health).isEqualTo(503);
        assertThat(ProbeBeforeSeed.seededBlob).isEqualTo(404);
        assertThat(healthAtStartup).isEqualTo(200);
    }

    @Test
    void theStartupSeedWasLoadedBeforeTheServerReportedHealthy() {
        assertThat(healthAtStartup).isEqualTo(200);
        var listing = Json.parse(listingAtStartup);
        Json.assertJson(listingAtStartup, "{\"blobs\":[{\"fileName\":\"config/motd.json,json\",\"etag\":\""
                + listing.at("/blobs/0/etag").asString() + "\",\"size\":28,\"displayName\":\"Message of the day\"},"
                + "{\"fileName\":\"inline.txt,binary\",\"etag\":\"" + listing.at("/blobs/1/etag").asString()
                + "\",\"size\":6}],\"pagingInfo\":{\"totalItems\":2,\"continuationToken\":null}}");
    }

    @Test
    void resetDropsEverythingAndReseedReloadsTheStartupSeed() {
        bare().post("/_emulator/reset?reseed=true").then().statusCode(204).body(equalTo(""));
        assertSeeded();
        bare().contentType("application/json").body("{\"status\":500}").post("/_emulator/faults").then().statusCode(201);
        bare().post("/_emulator/reset").then().statusCode(204);
        bare().get("/_emulator/faults").then().body(equalTo("{\"faults\":[]}"));
        bare().get("/_emulator/requests").then().body(equalTo("{\"requests\":[]}"));
        raw().get(GLOBAL + "/data/inline.txt,binary").then().statusCode(404);
        raw().get(SAVE).then().statusCode(404);
        Json.assertJson(raw().get(STATS).then().statusCode(200).extract().asString(), "{\"xuid\":\"2533274792693551\","
                + "\"scids\":[{\"scid\":\"00000000-0000-0000-0000-000066591171\",\"stats\":[]}]}");
        bare().post("/_emulator/reset?reseed=TRUE").then().statusCode(204);
        assertSeeded();
        bare().post("/_emulator/reset?reseed=false").then().statusCode(204);
        raw().get(SAVE).then().statusCode(404);
    }

    @Test
    void reseedReplacesChangesMadeSinceTheSeed() {
        bare().post("/_emulator/reset?reseed=true").then().statusCode(204);
        raw().body("changed").put(SAVE).then().statusCode(201);
        raw().body("new").put(GLOBAL + "/data/extra.bin,binary").then().statusCode(201);
        bare().post("/_emulator/reset?reseed=true").then().statusCode(204);
        assertSeeded();
        raw().get(GLOBAL + "/data/extra.bin,binary").then().statusCode(404);
    }

    @Test
    void aBadReseedValueIs400() {
        String body = bare().post("/_emulator/reset?reseed=yes").then().statusCode(400).extract().asString();
        Json.assertJson(body, Json.problem(400, "InvalidParameter", "Invalid query parameter",
                "Query parameter 'reseed' must be true or false.", "/_emulator/reset"));
    }

    @Test
    void aPostedManifestStillCannotReadFiles() {
        String body = bare().contentType("application/yaml").body(("blobs:\n  - { storage: global, scid: S, "
                + "path: a.bin, type: binary, file: files/slot1.sav }\n").getBytes(StandardCharsets.UTF_8))
                .post("/_emulator/seed").then().statusCode(400).extract().asString();
        assertThat(Json.parse(body).get("detail").asString())
                .startsWith("Member 'blobs[0].file' is only allowed in a manifest read from a file");
    }
}
