package dev.xblmock.emulator;

import static dev.xblmock.emulator.Json.assertJson;
import static dev.xblmock.emulator.Json.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import dev.xblmock.testsupport.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** {@code GET /_emulator/requests/stream} over a real port, with one stream slot. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xblmock.journal.stream-subscribers=1")
class JournalStreamIT extends ApiIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void requestsArriveAsBatchedEventsAndASecondStreamIsRefused() throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/_emulator/requests/stream")).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        try (Stream<String> lines = response.body()) {
            Iterator<String> events = lines.iterator();
            assertThat(events.next()).isEqualTo(":open");
            assertThat(events.next()).isEmpty();

            for (int i = 0; i < 20; i++) {
                anonymous().get("/global/scids/S/data/n" + i).then().statusCode(200);
            }
            List<JsonNode> received = new ArrayList<>();
            int deliveries = 0;
            while (received.size() < 20) {
                assertThat(events.next()).isEqualTo("event:requests");
                String data = events.next();
                assertThat(data).startsWith("data:");
                Json.parse(data.substring("data:".length())).forEach(received::add);
                assertThat(events.next()).isEmpty();
                deliveries++;
            }
            // how requests are grouped into events depends on timing: JournalStreamTest checks the batching
            assertThat(received).hasSize(20);
            assertThat(deliveries).isBetween(1, 20);
            for (int i = 0; i < 20; i++) {
                assertThat(received.get(i).path("path").asString()).isEqualTo("/global/scids/S/data/n" + i);
            }
            JsonNode first = received.get(0);
            assertThat(first.path("id").asString()).matches("[0-9a-f-]{36}");
            assertJson(first.toString(), """
                    {"id":"%s","time":"%s","method":"GET","path":"/global/scids/S/data/n0","query":null,"status":200,
                     "durationMs":%d,"service":"titlestorage","operation":"list","xuid":null,"errorCode":null}""".formatted(
                    first.path("id").asString(), first.path("time").asString(), first.path("durationMs").asLong()));

            String refused = bare().get("/_emulator/requests/stream").then().statusCode(503)
                    .header("Retry-After", "5").contentType("application/problem+json").extract().asString();
            assertJson(refused, problem(503, "ServiceUnavailable", "Service unavailable", "1 live request streams are "
                    + "open, the most allowed (xblmock.journal.stream-subscribers); close one or retry later.",
                    "/_emulator/requests/stream"));
        }
    }
}
