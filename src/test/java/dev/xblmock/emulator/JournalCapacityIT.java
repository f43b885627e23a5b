package dev.xblmock.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.xblmock.testsupport.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** A ring of three entries keeps the newest three requests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xblmock.journal.capacity=3")
class JournalCapacityIT extends ApiIT {

    @Test
    void keepsOnlyTheNewestEntries() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(bare().get("/global/scids/S" + i).then().statusCode(401).extract().header("X-Request-Id"));
        }
        JsonNode requests = Json.parse(bare().get("/_emulator/requests").then().statusCode(200).extract().asString())
                .get("requests");
        List<String> journaled = new ArrayList<>();
        requests.forEach(entry -> journaled.add(entry.get("id").asString() + " " + entry.get("path").asString()));
        assertThat(journaled).containsExactly(ids.get(4) + " /global/scids/S4", ids.get(3) + " /global/scids/S3",
                ids.get(2) + " /global/scids/S2");
    }
}
