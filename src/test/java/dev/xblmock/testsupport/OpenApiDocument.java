package dev.xblmock.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/openapi.yaml as the tests read it: operations with their resolved parameters, template expansion with
 * the document's own example values, a regex per path template built from its parameters' schemas, and the
 * document's JSON schemas as validators (networknt, OpenAPI 3.1 dialect) with every {@code $ref} resolved.
 */
public final class OpenApiDocument {

    /** The one copy of the document; tests run from the project directory. */
    public static final Path FILE = Path.of("docs", "openapi.yaml");
    public static final List<String> HTTP_METHODS = List.of("get", "put", "post", "delete", "patch");

    private static final String BASE = "https://xblmock.test/openapi.json";
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final JsonNode root;
    private final SchemaRegistry schemas;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
        String json = JsonMapper.builder().build().writeValueAsString(root);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(BASE, json)));
    }

    public static OpenApiDocument load() {
        try {
            return new OpenApiDocument(YAMLMapper.builder().build().readTree(Files.readString(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** The node at a JSON pointer ({@code /components/schemas/Problem}); missing when there is none. */
    public JsonNode at(String pointer) {
        return root.at(pointer);
    }

    /** Follows {@code $ref} (local references only) until a node without one; returns its pointer. */
    public String resolvePointer(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 10; hops++) {
            JsonNode node = root.at(current);
            JsonNode ref = node.get("$ref");
            if (ref == null || !ref.isString()) {
                return current;
            }
            if (!ref.asString().startsWith("#/")) {
                throw new AssertionError("Only local references are used: " + ref.asString() + " at " + current);
            }
            current = ref.asString().substring(1);
        }
        throw new AssertionError("Reference cycle at " + pointer);
    }

    public JsonNode resolve(String pointer) {
        return root.at(resolvePointer(pointer));
    }

    /** Every operation, in document order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (var path : root.get("paths").properties()) {
            for (String method : HTTP_METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(path.getKey(), method.toUpperCase(Locale.ROOT),
                            "/paths/" + escape(path.getKey()) + "/" + method));
                }
            }
        }
        return operations;
    }

    /** A validator for the schema at {@code pointer}, its references resolved within the document. */
    public Schema schema(String pointer) {
        String resolved = resolvePointer(pointer);
        return schemas.getSchema(SchemaLocation.of(BASE + "#" + resolved.replace("{", "%7B").replace("}", "%7D")));
    }

    public static String escape(String pointerSegment) {
        return pointerSegment.replace("~", "~0").replace("/", "~1");
    }

    /** One documented operation: a path template, a method and the operation object's pointer. */
    public final class Operation {
        private final String template;
        private final String method;
        private final String pointer;

        Operation(String template, String method, String pointer) {
            this.template = template;
            this.method = method;
            this.pointer = pointer;
        }

        public String template() {
            return template;
        }

        public String method() {
            return method;
        }

        public String pointer() {
            return pointer;
        }

        public JsonNode node() {
            return root.at(pointer);
        }

        public String id() {
            return node().path("operationId").asString();
        }

        /** Path-item parameters overridden by the operation's own (same name and location), resolved. */
        public List<JsonNode> parameters() {
            Map<String, JsonNode> byKey = new LinkedHashMap<>();
            String pathItem = pointer.substring(0, pointer.lastIndexOf('/'));
            for (String list : List.of(pathItem + "/parameters", pointer + "/parameters")) {
                JsonNode parameters = root.at(list);
                for (int i = 0; i < parameters.size(); i++) {
                    JsonNode parameter = resolve(list + "/" + i);
                    byKey.put(parameter.path("in").asString() + ":" + parameter.path("name").asString(), parameter);
                }
            }
            return List.copyOf(byKey.values());
        }

        public Optional<JsonNode> parameter(String in, String name) {
            return parameters().stream()
                    .filter(p -> p.path("in").asString().equals(in) && p.path("name").asString().equalsIgnoreCase(name))
                    .findFirst();
        }

        /** Whether the Xbox authorization applies (the document's default security, unless the operation has its own). */
        public boolean secured() {
            JsonNode security = node().has("security") ? node().get("security") : root.path("security");
            return !security.isEmpty();
        }

        /** The pointer of the documented response for a status (not {@code default}), resolved; empty if none. */
        public Optional<String> response(int status) {
            String candidate = pointer + "/responses/" + status;
            return root.at(candidate).isMissingNode() ? Optional.empty() : Optional.of(resolvePointer(candidate));
        }

        /** Every concrete path: each enum value of a path parameter, else its example. */
        public List<String> expansions() {
            List<String> paths = new ArrayList<>(List.of(template));
            Matcher variables = TEMPLATE_VARIABLE.matcher(template);
            while (variables.find()) {
                String name = variables.group(1);
                JsonNode parameter = parameter("path", name)
                        .orElseThrow(() -> new AssertionError(template + ": no path parameter " + name));
                List<String> values = new ArrayList<>();
                JsonNode enumeration = parameter.path("schema").path("enum");
                if (!enumeration.isEmpty()) {
                    enumeration.forEach(value -> values.add(value.asString()));
                } else if (parameter.has("example")) {
                    values.add(parameter.get("example").asString());
                } else {
                    throw new AssertionError(template + ": path parameter " + name + " has neither enum nor example");
                }
                List<String> next = new ArrayList<>();
                for (String path : paths) {
                    for (String value : values) {
                        next.add(path.replace("{" + name + "}", value));
                    }
                }
                paths = next;
            }
            return paths;
        }

        /**
         * A regex matching the raw paths this template stands for: each variable is its schema's enum or pattern
         * (several segments where the pattern allows '/'), else one segment.
         */
        public Pattern pathPattern() {
            StringBuilder regex = new StringBuilder();
            Matcher variables = TEMPLATE_VARIABLE.matcher(template);
            int last = 0;
            while (variables.find()) {
                regex.append(Pattern.quote(template.substring(last, variables.start())));
                JsonNode schema = parameter("path", variables.group(1)).orElseThrow().path("schema");
                if (schema.has("enum")) {
                    List<String> values = new ArrayList<>();
                    schema.get("enum").forEach(value -> values.add(Pattern.quote(value.asString())));
                    regex.append("(?:").append(String.join("|", values)).append(')');
                } else if (schema.has("pattern")) {
                    regex.append("(?:").append(schema.get("pattern").asString().replaceAll("^\\^|\\$$", "")).append(')');
                } else {
                    regex.append("[^/]+");
                }
                last = variables.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            return Pattern.compile(regex.toString());
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }
}
