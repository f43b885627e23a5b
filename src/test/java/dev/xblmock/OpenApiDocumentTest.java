package dev.xblmock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.testsupport.OpenApiDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/openapi.yaml is a well-formed OpenAPI 3.1 document: references resolve, objects carry only the fields
 * OpenAPI defines, path templates and path parameters agree, every example fits its schema, every error is
 * problem+json, and the error codes are exactly the catalogue. (Whether the document and the server agree is
 * {@link OpenApiAgreementIT}'s.) No OpenAPI validator library earned its place: the one that would validate
 * against the official OAS 3.1 schema is not available here, and swagger-parser would bring Jackson 2.
 */
class OpenApiDocumentTest {

    private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();
    private static final JsonNode ROOT = DOCUMENT.root();

    /** The fixed fields of the OpenAPI 3.1 objects this document uses; extensions ({@code x-}) are allowed too. */
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "openapi", Set.of("openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components",
                    "security", "tags", "externalDocs"),
            "pathItem", Set.of("$ref", "summary", "description", "get", "put", "post", "delete", "options", "head",
                    "patch", "trace", "servers", "parameters"),
            "operation", Set.of("tags", "summary", "description", "externalDocs", "operationId", "parameters",
                    "requestBody", "responses", "callbacks", "deprecated", "security", "servers"),
            "parameter", Set.of("name", "in", "description", "required", "deprecated", "allowEmptyValue", "style",
                    "explode", "allowReserved", "schema", "example", "examples", "content"),
            "requestBody", Set.of("description", "content", "required"),
            "response", Set.of("description", "headers", "content", "links"),
            "mediaType", Set.of("schema", "example", "examples", "encoding"),
            "header", Set.of("description", "required", "deprecated", "schema", "example", "examples", "content",
                    "style", "explode"),
            "reference", Set.of("$ref", "summary", "description"));

    @Test
    void isAnOpenApi31DocumentOfTheProjectsVersion() throws IOException {
        assertThat(ROOT.path("openapi").asString()).matches("3\\.1\\.\\d+");
        assertThat(ROOT.path("info").path("title").asString()).isEqualTo("xblmock");
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>xblmock</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(ROOT.path("info").path("version").asString()).isEqualTo(version.group(1).replace("-SNAPSHOT", ""));
        knownFields("openapi", "", ROOT);
    }

    @Test
    void everyReferenceResolvesAndEveryComponentIsReferenced() {
        Set<String> referenced = new HashSet<>();
        walk(ROOT, "", (pointer, node) -> {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString()) {
                assertThat(ref.asString()).as(pointer).startsWith("#/");
                assertThat(ROOT.at(ref.asString().substring(1)).isMissingNode())
                        .as("%s: %s resolves", pointer, ref.asString()).isFalse();
                referenced.add(ref.asString());
            }
        });
        List<String> unused = new ArrayList<>();
        for (var kind : ROOT.path("components").properties()) {
            if (kind.getKey().equals("securitySchemes")) {
                continue; // used by name in security requirements
            }
            for (String name : kind.getValue().propertyNames()) {
                String ref = "#/components/" + kind.getKey() + "/" + name;
                if (!referenced.contains(ref)) {
                    unused.add(ref);
                }
            }
        }
        assertThat(unused).as("components nothing refers to").isEmpty();
    }

    @Test
    void operationsHaveKnownFieldsUniqueIdsAndResponses() {
        Set<String> ids = new HashSet<>();
        for (var path : ROOT.path("paths").properties()) {
            knownFields("pathItem", path.getKey(), path.getValue());
        }
        for (OpenApiDocument.Operation operation : DOCUMENT.operations()) {
            JsonNode node = operation.node();
            knownFields("operation", operation.toString(), node);
            assertThat(ids.add(operation.id())).as("unique operationId of %s", operation).isTrue();
            assertThat(node.path("tags").size()).as("%s has a tag", operation).isEqualTo(1);
            assertThat(node.path("summary").asString()).as("%s has a summary", operation).isNotBlank();
            assertThat(node.path("responses").propertyNames()).as("%s answers a 2xx", operation)
                    .anyMatch(status -> status.startsWith("2"));
            for (JsonNode parameter : operation.parameters()) {
                knownFields("parameter", operation + " " + parameter.path("name").asString(), parameter);
                assertThat(parameter.path("in").asString()).isIn("path", "query", "header");
            }
            if (node.has("requestBody")) {
                JsonNode body = DOCUMENT.resolve(operation.pointer() + "/requestBody");
                knownFields("requestBody", operation + " requestBody", body);
                body.path("content").forEach(media -> knownFields("mediaType", operation + " requestBody", media));
            }
            for (String status : node.path("responses").propertyNames()) {
                String pointer = operation.pointer() + "/responses/" + status;
                if (ROOT.at(pointer).has("$ref")) {
                    knownFields("reference", pointer, ROOT.at(pointer));
                }
                JsonNode response = DOCUMENT.resolve(pointer);
                knownFields("response", pointer, response);
                assertThat(response.path("description").asString()).as(pointer).isNotBlank();
                response.path("content").forEach(media -> knownFields("mediaType", pointer, media));
                for (var header : response.path("headers").properties()) {
                    knownFields("header", pointer + " " + header.getKey(),
                            DOCUMENT.resolve(DOCUMENT.resolvePointer(pointer) + "/headers/" + OpenApiDocument.escape(header.getKey())));
                }
                assertThat(response.path("headers").path("X-Request-Id").path("$ref").asString())
                        .as("%s carries X-Request-Id", pointer).isEqualTo("#/components/headers/X-Request-Id");
            }
        }
    }

    @Test
    void pathTemplatesAndPathParametersAgree() {
        Pattern variable = Pattern.compile("\\{([^}]+)}");
        for (OpenApiDocument.Operation operation : DOCUMENT.operations()) {
            Set<String> inTemplate = new TreeSet<>();
            variable.matcher(operation.template()).results().forEach(m -> inTemplate.add(m.group(1)));
            Set<String> declared = new TreeSet<>();
            for (JsonNode parameter : operation.parameters()) {
                if (parameter.path("in").asString().equals("path")) {
                    declared.add(parameter.path("name").asString());
                    assertThat(parameter.path("required").asBoolean()).as("%s: path parameters are required", operation)
                            .isTrue();
                }
            }
            assertThat(declared).as("path parameters of %s", operation).isEqualTo(inTemplate);
            assertThat(operation.expansions()).as("%s expands with its own examples", operation)
                    .allMatch(path -> operation.pathPattern().matcher(path).matches());
        }
    }

    /** SPEC 1.4: every error is problem+json, but the rate limit's 429 (Xbox Live's body) and health's 503. */
    @Test
    void everyErrorResponseIsAProblem() {
        Set<String> exceptions = Set.of("#/components/responses/RateLimited", "/paths/~1_emulator~1health/get/responses/503");
        for (OpenApiDocument.Operation operation : DOCUMENT.operations()) {
            for (String status : operation.node().path("responses").propertyNames()) {
                if (!(status.startsWith("4") || status.startsWith("5") || status.equals("default"))) {
                    continue;
                }
                String pointer = operation.pointer() + "/responses/" + status;
                JsonNode ref = ROOT.at(pointer).path("$ref");
                if (exceptions.contains(ref.asString("")) || exceptions.contains(pointer)) {
                    continue;
                }
                assertThat(DOCUMENT.resolve(pointer).path("content").path("application/problem+json").path("schema")
                        .path("$ref").asString()).as("%s is a problem", pointer).isEqualTo("#/components/schemas/Problem");
            }
        }
    }

    @Test
    void theErrorCodesAreTheCatalogue() {
        List<String> documented = new ArrayList<>();
        ROOT.at("/components/schemas/ErrorCode/enum").forEach(code -> documented.add(code.asString()));
        assertThat(documented).containsExactlyElementsOf(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
    }

    @Test
    void everyExampleFitsItsSchema() {
        List<String> checked = new ArrayList<>();
        walk(ROOT, "", (pointer, node) -> {
            if (!node.has("schema") || pointer.contains("/components/schemas")) {
                return;
            }
            if (node.has("example")) {
                assertValid(pointer + "/schema", node.get("example"), pointer + "/example");
                checked.add(pointer);
            }
            for (var example : node.path("examples").properties()) {
                assertValid(pointer + "/schema", example.getValue().path("value"), pointer + "/examples/" + example.getKey());
                checked.add(pointer);
            }
        });
        for (var schema : ROOT.at("/components/schemas").properties()) {
            if (schema.getValue().has("example")) {
                assertValid("/components/schemas/" + schema.getKey(), schema.getValue().get("example"), schema.getKey());
                checked.add(schema.getKey());
            }
        }
        assertThat(checked).as("examples checked").hasSizeGreaterThan(20);
    }

    private static void assertValid(String schemaPointer, JsonNode instance, String what) {
        assertThat(DOCUMENT.schema(schemaPointer).validate(instance)).as("%s fits %s", what, schemaPointer).isEmpty();
    }

    private static void knownFields(String object, String where, JsonNode node) {
        Set<String> allowed = FIELDS.get(object);
        for (String field : node.propertyNames()) {
            assertThat(allowed.contains(field) || field.startsWith("x-"))
                    .as("%s: '%s' is not a field of an OpenAPI %s object", where, field, object).isTrue();
        }
    }

    private static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(pointer, node);
            for (var member : node.properties()) {
                walk(member.getValue(), pointer + "/" + OpenApiDocument.escape(member.getKey()), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }
}
