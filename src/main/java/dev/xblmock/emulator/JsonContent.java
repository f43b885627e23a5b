package dev.xblmock.emulator;

import java.io.InputStream;

import dev.xblmock.common.ErrorCode;
import dev.xblmock.common.XblException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Interim check of seeded json/config bytes (valid JSON, root not an array) until the shared JSON rules land. */
final class JsonContent {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonContent() {
    }

    static void validate(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new XblException(ErrorCode.INVALID_JSON, "The content is not valid JSON.");
        }
        if (root == null || root.isMissingNode()) {
            throw new XblException(ErrorCode.INVALID_JSON, "The content is empty; a json blob needs a JSON document.");
        }
        if (root.isArray()) {
            throw new XblException(ErrorCode.INVALID_JSON, "The root of the document is an array; it must not be.");
        }
    }
}
