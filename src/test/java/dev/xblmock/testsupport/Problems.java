package dev.xblmock.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.assertj.core.api.AbstractStringAssert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one check of an error answer: an RFC 9457 problem+json body as every refusal of the emulator has. */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /**
     * The answer is a problem+json with this status and catalogue code (its {@code type} the code's URN, a
     * title, no internals) whose detail contains every fragment; returns an assertion on the detail, for an
     * exact comparison: {@code assertProblem(response, 400, "InvalidStat").isEqualTo("…")}.
     */
    public static AbstractStringAssert<?> assertProblem(Response response, int status, String code,
            String... detailFragments) {
        return assertProblem(response.statusCode(), response.contentType(), response.asString(), status, code,
                detailFragments);
    }

    /** {@link #assertProblem(Response, int, String, String...)} of an answer read with {@link RawHttp}. */
    public static AbstractStringAssert<?> assertProblem(RawHttp.Response response, int status, String code,
            String... detailFragments) {
        return assertProblem(response.status(), response.header("Content-Type"), response.text(), status, code,
                detailFragments);
    }

    private static AbstractStringAssert<?> assertProblem(int actualStatus, String contentType, String body,
            int status, String code, String... detailFragments) {
        assertThat(actualStatus).as("status of %s", body).isEqualTo(status);
        assertThat(contentType).as("content type of %s", body).isEqualTo(PROBLEM_JSON);
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("code").asString()).as("code of %s", body).isEqualTo(code);
        assertThat(problem.path("type").asString()).as("type of %s", body).isEqualTo("urn:xblmock:error:" + code);
        assertThat(problem.path("status").asInt()).as("status member of %s", body).isEqualTo(status);
        assertThat(problem.path("title").asString()).as("title of %s", body).isNotBlank();
        assertThat(body).doesNotContain("Exception", "\tat ", ".java:", "<html", System.getProperty("user.dir"));
        String detail = problem.path("detail").asString();
        if (detailFragments.length > 0) {
            assertThat(detail).as("detail").contains(detailFragments);
        }
        return assertThat(detail).as("detail");
    }
}
