package dev.xblmock.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exact JSON comparison for tests: same members and values, member order ignored, array order kept. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    static void assertJson(String actual, String expected) {
        assertThat(parse(actual)).as("expected JSON %s", expected).isEqualTo(parse(expected));
    }

    /** The problem+json body every control-plane error has. */
    static String problem(int status, String code, String title, String detail, String instance) {
        return MAPPER.writeValueAsString(MAPPER.createObjectNode()
                .put("type", "urn:xblmock:error:" + code).put("title", title).put("status", status)
                .put("detail", detail).put("instance", instance).put("code", code));
    }
}
