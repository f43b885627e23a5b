package dev.xblmock.emulator;

import java.util.Set;

import dev.xblmock.common.ErrorCode;
import tools.jackson.databind.JsonNode;

/** The shape of one seeded stat: {@code {type: Integer|Double|String, value: string|number, valuemetadata?}}. */
final class StatDefinitions {

    private StatDefinitions() {
    }

    static void check(JsonNode definition, String where, ErrorCode error) {
        JsonMembers stat = JsonMembers.of(definition, where, error, "an object {type, value, valuemetadata?}")
                .allowOnly(Set.of("type", "value", "valuemetadata"), "type, value, valuemetadata");
        String type = stat.requiredText("type");
        if (!Set.of("Integer", "Double", "String").contains(type)) {
            throw stat.invalid("type", "must be Integer, Double or String");
        }
        JsonNode value = stat.node("value");
        if (value == null || !(value.isString() || value.isNumber())) {
            throw stat.invalid("value", "is required: a string or a number");
        }
    }
}
