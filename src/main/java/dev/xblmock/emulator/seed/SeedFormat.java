package dev.xblmock.emulator.seed;

import java.util.Locale;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;

/** The two notations of a seed manifest, told apart by a request's media type or a file's name. */
public enum SeedFormat {
    JSON, YAML;

    /** From a request's {@code Content-Type}: JSON when missing or JSON, YAML for the YAML media types. */
    static SeedFormat ofContentType(String contentType) {
        if (contentType == null) {
            return JSON;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/json", "" -> JSON;
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> YAML;
            default -> {
                if (type.endsWith("+json")) {
                    yield JSON;
                }
                if (type.endsWith("+yaml")) {
                    yield YAML;
                }
                throw new XblException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + type.replaceAll("[^\\x20-\\x7E]", "?")
                        + " is not a seed manifest type; send application/json or application/yaml.");
            }
        };
    }

    /** From a manifest file's name: {@code .json} is JSON, anything else YAML (a superset of JSON). */
    static SeedFormat ofFileName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
    }
}
