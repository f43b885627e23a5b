package dev.xblmock.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.xblmock.testsupport.ApiIT;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

class FaultIT extends ApiIT {

    private String addRule(String json) {
        return bare().contentType("application/json").body(json).post("/_emulator/faults")
                .then().statusCode(201).contentType("application/json")
                .extract().path("id");
    }

    private static String injected(String ruleId, int status, String instance) {
        return Json.problem(status, "InjectedFault", "Injected fault",
                "Fault rule " + ruleId + " injected status " + status + ".", instance);
    }

    @Test
    void createReturns201WithIdAndLocation() {
        bare().contentType("application/json").body("{\"status\":503}").post("/_emulator/faults")
                .then().statusCode(201).header("Location", "/_emulator/faults/1").body(equalTo("{\"id\":\"1\"}"));
        bare().contentType("application/json").body("{\"delayMs\":0}").post("/_emulator/faults")
                .then().statusCode(201).body(equalTo("{\"id\":\"2\"}"));
    }

    @Test
    void listsRulesWithTheirMembersAndRemainingHits() {
        addRule("{\"method\":\"get\",\"path\":\"^/global/\",\"status\":503,\"retryAfterSeconds\":5,\"delayMs\":10,"
                + "\"times\":2,\"probability\":1,\"seed\":7}");
        addRule("{\"delayMs\":0}");
        bare().get("/_emulator/faults").then().statusCode(200).body(equalTo(
                "{\"faults\":[{\"id\":\"1\",\"method\":\"get\",\"path\":\"^/global/\",\"status\":503,"
                        + "\"retryAfterSeconds\":5,\"delayMs\":10,\"times\":2,\"remaining\":2,\"probability\":1.0,"
                        + "\"seed\":7},{\"id\":\"2\",\"delayMs\":0}]}"));
        anonymous().get("/global/scids/S").then().statusCode(503);
        bare().get("/_emulator/faults").then().statusCode(200).body(equalTo(
                "{\"faults\":[{\"id\":\"1\",\"method\":\"get\",\"path\":\"^/global/\",\"status\":503,"
                        + "\"retryAfterSeconds\":5,\"delayMs\":10,\"times\":2,\"remaining\":1,\"probability\":1.0,"
                        + "\"seed\":7},{\"id\":\"2\",\"delayMs\":0}]}"));
    }

    @Test
    void injectsTheStatusNTimesThenLetsRequestsThroughAndFiresBeforeAuthentication() {
        String id = addRule("{\"path\":\"^/global/\",\"status\":503,\"times\":2,\"retryAfterSeconds\":7}");
        for (int i = 0; i < 2; i++) {
            // no Authorization header at all: the fault comes first (SPEC 7 order of checks)
            String body = bare().get("/global/scids/S").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "7")
                    .header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                    .extract().asString();
            Json.assertJson(body, injected(id, 503, "/global/scids/S"));
        }
        bare().get("/global/scids/S").then().statusCode(401);
        bare().get("/_emulator/faults").then().statusCode(200).body(equalTo("{\"faults\":[]}"));
    }

    @Test
    void withoutRetryAfterTheHeaderIsAbsent() {
        addRule("{\"status\":429}");
        Response response = anonymous().get("/users/xuid(1)/scids/S/stats");
        response.then().statusCode(429);
        assertThat(response.getHeader("Retry-After")).isNull();
    }

    @Test
    void matchesMethodCaseInsensitivelyAndPathAsARegexFoundInTheRawPathWithoutQuery() {
        addRule("{\"method\":\"put\",\"path\":\"xuid\\\\(42\\\\)\",\"status\":409}");
        anonymous().urlEncodingEnabled(false).body("{}").put("/json/users/xuid(42)/scids/S/data/a.json,json")
                .then().statusCode(409);
        anonymous().urlEncodingEnabled(false).get("/json/users/xuid(42)/scids/S/data/a.json,json").then().statusCode(404);
        anonymous().urlEncodingEnabled(false).body("{}").put("/json/users/xuid(43)/scids/S/data/a.json,json?x=xuid(42)")
                .then().statusCode(201);
    }

    @Test
    void theOldestMatchingRuleWins() {
        String first = addRule("{\"path\":\"scids\",\"status\":503}");
        addRule("{\"path\":\"global\",\"status\":500}");
        Json.assertJson(anonymous().get("/global/scids/S").then().statusCode(503).extract().asString(),
                injected(first, 503, "/global/scids/S"));
        bare().delete("/_emulator/faults/" + first).then().statusCode(204).body(equalTo(""));
        Json.assertJson(anonymous().get("/global/scids/S").then().statusCode(500).extract().asString(),
                injected("2", 500, "/global/scids/S"));
    }

    @Test
    void aDelayOnlyRuleDelaysThenTheRequestProceedsNormally() {
        addRule("{\"path\":\"^/global/\",\"delayMs\":400}");
        long started = System.nanoTime();
        bare().get("/global/scids/S").then().statusCode(401);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
        started = System.nanoTime();
        bare().get("/_emulator/health").then().statusCode(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(400);
    }

    @Test
    void aDelayWithAStatusDelaysThenInjects() {
        addRule("{\"delayMs\":300,\"status\":504}");
        long started = System.nanoTime();
        bare().get("/global/scids/S").then().statusCode(504);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    private List<Integer> statusesOf(int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(bare().get("/global/scids/S").statusCode());
        }
        return statuses;
    }

    @Test
    void probabilityWithASeedIsReproducible() {
        addRule("{\"status\":500,\"probability\":0.5,\"seed\":42}");
        List<Integer> run1 = statusesOf(24);
        bare().post("/_emulator/reset").then().statusCode(204);
        addRule("{\"status\":500,\"probability\":0.5,\"seed\":42}");
        List<Integer> run2 = statusesOf(24);

        SplittableRandom random = new SplittableRandom(42);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            expected.add(random.nextDouble() < 0.5 ? 500 : 401);
        }
        assertThat(run1).isEqualTo(expected).contains(500, 401);
        assertThat(run2).isEqualTo(run1);
    }

    @Test
    void probabilityZeroNeverFiresAndASparedRequestDoesNotFallThroughToYoungerRules() {
        addRule("{\"status\":500,\"probability\":0}");
        addRule("{\"status\":503}");
        assertThat(statusesOf(5)).containsOnly(401);
    }

    @Test
    void timesCountDownAtomicallyUnderConcurrency() throws Exception {
        addRule("{\"status\":503,\"times\":5}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> bare().get("/global/scids/S").statusCode()));
            }
            int injected = 0;
            for (Future<Integer> result : results) {
                injected += result.get() == 503 ? 1 : 0;
            }
            assertThat(injected).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theControlPlaneIsNeverFaulted() {
        addRule("{\"status\":500}");
        bare().get("/_emulator/health").then().statusCode(200);
        bare().get("/_emulator/faults").then().statusCode(200);
    }

    @Test
    void injectedFaultsAreJournaled() {
        addRule("{\"status\":502}");
        String id = bare().get("/global/scids/S").then().statusCode(502).extract().header("X-Request-Id");
        bare().get("/_emulator/requests").then().statusCode(200)
                .body("requests[0].id", equalTo(id)).body("requests[0].status", equalTo(502))
                .body("requests[0].operation", equalTo("quota")).body("requests.size()", equalTo(1));
    }

    @Test
    void deleteAllRemovesEveryRule() {
        addRule("{\"status\":500}");
        addRule("{\"status\":501}");
        bare().delete("/_emulator/faults").then().statusCode(204).body(equalTo(""));
        bare().get("/_emulator/faults").then().statusCode(200).body(equalTo("{\"faults\":[]}"));
        bare().get("/global/scids/S").then().statusCode(401);
    }

    @Test
    void deletingAnUnknownRuleIs404() {
        Json.assertJson(bare().delete("/_emulator/faults/99").then().statusCode(404)
                        .contentType("application/problem+json").extract().asString(),
                Json.problem(404, "NotFound", "Not found",
                        "No fault rule has id '99'; GET /_emulator/faults lists them.", "/_emulator/faults/99"));
    }

    @Test
    void invalidRulesAre400NamingTheMember() {
        String[][] cases = {
                {"{\"status\":399}", "Member 'status' must be an integer from 400 to 599."},
                {"{\"status\":600}", "Member 'status' must be an integer from 400 to 599."},
                {"{\"status\":\"503\"}", "Member 'status' must be an integer from 400 to 599."},
                {"{\"status\":503.5}", "Member 'status' must be an integer from 400 to 599."},
                {"{\"path\":\"a(b\",\"status\":500}",
                        "Member 'path' is not a valid Java regular expression (Unclosed group near index 3)."},
                {"{\"path\":5,\"status\":500}", "Member 'path' must be a string."},
                {"{\"method\":\"G T\",\"status\":500}",
                        "Member 'method' must be an HTTP method name (letters only), e.g. GET."},
                {"{\"delayMs\":-1}", "Member 'delayMs' must be an integer from 0 to 600000."},
                {"{\"delayMs\":600001}", "Member 'delayMs' must be an integer from 0 to 600000."},
                {"{\"status\":500,\"times\":0}", "Member 'times' must be an integer from 1 to 9223372036854775807."},
                {"{\"status\":500,\"times\":-3}", "Member 'times' must be an integer from 1 to 9223372036854775807."},
                {"{\"status\":500,\"retryAfterSeconds\":-1}",
                        "Member 'retryAfterSeconds' must be an integer from 0 to 2147483647."},
                {"{\"status\":500,\"probability\":1.5}", "Member 'probability' must be a number from 0.0 to 1.0."},
                {"{\"status\":500,\"probability\":-0.1}", "Member 'probability' must be a number from 0.0 to 1.0."},
                {"{\"status\":500,\"seed\":1.5}",
                        "Member 'seed' must be an integer from -9223372036854775808 to 9223372036854775807."},
                {"{\"status\":500,\"statusCode\":1}", "Unknown member 'statusCode'; allowed: method, path, status, "
                        + "retryAfterSeconds, delayMs, times, probability, seed."},
                {"{\"path\":\"x\"}",
                        "Member 'status' or 'delayMs' is required: a rule must inject an error, a delay or both."},
                {"{\"delayMs\":5,\"retryAfterSeconds\":1}",
                        "Member 'retryAfterSeconds' needs 'status': Retry-After comes with an injected error."},
                {"[]", "The body must be a JSON object (a fault rule)."},
        };
        for (String[] c : cases) {
            String body = bare().contentType("application/json").body(c[0]).post("/_emulator/faults")
                    .then().statusCode(400).contentType("application/problem+json").extract().asString();
            Json.assertJson(body, Json.problem(400, "InvalidFaultRule", "Invalid fault rule", c[1], "/_emulator/faults"));
        }
        bare().get("/_emulator/faults").then().body(equalTo("{\"faults\":[]}"));
        bare().contentType("application/json").body("{\"status\":500}").post("/_emulator/faults")
                .then().statusCode(201).body(equalTo("{\"id\":\"1\"}"));
    }

    @Test
    void malformedJsonIs400() {
        bare().contentType("application/json").body("{\"status\":").post("/_emulator/faults")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("InvalidBody"));
    }
}
