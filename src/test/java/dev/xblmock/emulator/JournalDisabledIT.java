package dev.xblmock.emulator;

import static org.hamcrest.Matchers.equalTo;

import dev.xblmock.testsupport.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code xblmock.journal.capacity=0} disables the journal: nothing is recorded, the route still answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xblmock.journal.capacity=0")
class JournalDisabledIT extends ApiIT {

    @Test
    void recordsNothing() {
        bare().get("/global/scids/S").then().statusCode(401);
        bare().get("/_emulator/requests").then().statusCode(200).body(equalTo("{\"requests\":[]}"));
    }
}
