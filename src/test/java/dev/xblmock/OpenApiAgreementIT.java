package dev.xblmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.xblmock.common.error.XblException;
import dev.xblmock.common.web.ErrorPageController;
import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.OpenApiDocument;
import dev.xblmock.titlestorage.StoragePath;
import dev.xblmock.titlestorage.StoragePaths;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.web.BatchDownloadController;
import dev.xblmock.titlestorage.web.TitleStorageController;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/openapi.yaml and the server agree, over a real port, in both directions.
 *
 * <ul>
 *   <li>Document to server: every documented operation, sent with the document's own example values (every
 *   enum value of a path parameter and of {@code x-xbl-contract-version}, every request body example), is
 *   routed (neither 404 {@code NoSuchRoute} nor 405) and answers a status the operation documents, with its
 *   required headers and a body of a documented media type that fits the documented schema. Xbox operations
 *   without Authorization and with an unsupported contract version answer their documented 401 and 406.
 *   Every method the document does not list for a path is 405 with exactly the documented methods in
 *   {@code Allow}.</li>
 *   <li>Server to document: every Spring MVC mapping (method x pattern) matches a documented operation. The
 *   Title Storage controllers are mapped as {@code /<root>/**} and parse the raw path themselves
 *   ({@link StoragePaths}), so their routes are probed instead: every storage root of their mappings, every
 *   owner form, every path shape after the scid and every method. A probe is a route unless the server says
 *   the path names none (404 {@code NoSuchRoute}, 400 {@code InvalidPath}) or the method is wrong (405); a
 *   probe is a route exactly when a documented operation's template matches it. The probes must reach every
 *   kind of {@link StoragePath}, so a new kind fails here until it is probed (and documented).</li>
 * </ul>
 *
 * Checked by breaking it: removing {@code DELETE /_emulator/faults/{id}} from the document, adding a
 * {@code GET /_emulator/faults/{id}} mapping, and letting the Title Storage controller accept POST on blobs
 * each made this test fail, naming the operation.
 */
class OpenApiAgreementIT extends ApiIT {

    private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "PATCH");
    /** Controllers mapped as {@code /<root>/**} that route by parsing the raw path (probed, not enumerated). */
    private static final Set<Class<?>> RAW_PATH_CONTROLLERS = Set.of(TitleStorageController.class, BatchDownloadController.class);
    private static final String CONTRACT_VERSION = "x-xbl-contract-version";
    private static final String CORRELATION_VECTOR = "openapi.agreement.1";

    /** java.net.http sends paths and bodies exactly as given: no re-encoding, no charset added to Content-Type. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** The Authorization of a developer token for the document's example user (minted with its own example). */
    private String authorization;

    @BeforeEach
    void mintDeveloperToken() throws Exception {
        Reply minted = send("POST", "/_emulator/tokens", Map.of(), requestBodies(operation("mintToken")).get(0));
        assertThat(minted.status()).isEqualTo(201);
        authorization = minted.json().path("authorization").asString();
    }

    // ---- document to server -----------------------------------------------------------------------------

    @Test
    void everyDocumentedOperationAnswersAsDocumented() throws Exception {
        int requests = 0;
        for (OpenApiDocument.Operation operation : DOCUMENT.operations()) {
            for (String path : operation.expansions()) {
                for (String version : contractVersions(operation)) {
                    for (Body body : requestBodies(operation)) {
                        prepare(operation, path);
                        Map<String, String> headers = new LinkedHashMap<>();
                        if (operation.secured()) {
                            headers.put("Authorization", authorization);
                        }
                        if (version != null) {
                            headers.put(CONTRACT_VERSION, version);
                        }
                        assertAnswersAsDocumented(operation, path, send(operation.method(), path, headers, body));
                        requests++;
                    }
                }
                if (operation.secured()) {
                    Body body = requestBodies(operation).get(0);
                    Reply anonymous = send(operation.method(), path, Map.of(), body);
                    assertThat(anonymous.status()).as("%s without Authorization", operation).isEqualTo(401);
                    assertAnswersAsDocumented(operation, path, anonymous);
                    Reply unsupported = send(operation.method(), path,
                            Map.of("Authorization", authorization, CONTRACT_VERSION, "99"), body);
                    assertThat(unsupported.status()).as("%s with contract version 99", operation).isEqualTo(406);
                    assertAnswersAsDocumented(operation, path, unsupported);
                    requests += 2;
                }
            }
        }
        assertThat(requests).as("requests checked").isGreaterThan(200);
    }

    @Test
    void methodsTheDocumentDoesNotListAre405WithAllow() throws Exception {
        Map<String, List<OpenApiDocument.Operation>> byTemplate = DOCUMENT.operations().stream()
                .collect(Collectors.groupingBy(OpenApiDocument.Operation::template, LinkedHashMap::new, Collectors.toList()));
        for (var template : byTemplate.entrySet()) {
            Set<String> documented = template.getValue().stream().map(OpenApiDocument.Operation::method)
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String path : template.getValue().get(0).expansions()) {
                for (String method : METHODS) {
                    if (documented.contains(method)) {
                        continue;
                    }
                    Reply reply = send(method, path, Map.of("Authorization", authorization),
                            new Body("application/json", "{}".getBytes(StandardCharsets.UTF_8)));
                    String where = method + " " + path + " -> " + reply;
                    assertThat(reply.status()).as(where).isEqualTo(405);
                    assertThat(reply.code()).as(where).isEqualTo("MethodNotAllowed");
                    assertFramed(where, reply, false);
                    assertThat(new TreeSet<>(Arrays.asList(reply.header("Allow").split(",\\s*")))).as(where)
                            .isEqualTo(documented);
                    assertThat(DOCUMENT.schema("/components/schemas/Problem").validate(reply.json())).as(where).isEmpty();
                }
            }
        }
    }

    // ---- server to document -----------------------------------------------------------------------------

    @Test
    void everySpringMappingIsADocumentedOperation() throws Exception {
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Class<?> controller = mapping.getValue().getBeanType();
            Set<PathPattern> patterns = mapping.getKey().getPathPatternsCondition().getPatterns();
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            if (controller == ErrorPageController.class) {
                continue; // the container's error page, not a route: see errorPageIsNoRoute
            }
            if (RAW_PATH_CONTROLLERS.contains(controller)) {
                continue; // probed by everyPathTheTitleStorageParserRoutesIsDocumented
            }
            assertThat(methods).as("%s maps explicit methods", mapping.getValue()).isNotEmpty();
            for (PathPattern pattern : patterns) {
                assertThat(pattern.getPatternString()).as("%s: only the raw-path controllers map '**'", mapping.getValue())
                        .doesNotContain("**");
                for (RequestMethod method : methods) {
                    boolean documented = DOCUMENT.operations().stream()
                            .anyMatch(op -> op.method().equals(method.name()) && op.expansions().stream()
                                    .anyMatch(path -> pattern.matches(PathContainer.parsePath(path))));
                    if (!documented) {
                        undocumented.add(method + " " + pattern.getPatternString() + " (" + mapping.getValue() + ")");
                    }
                }
            }
        }
        assertThat(undocumented).as("routes missing from docs/openapi.yaml").isEmpty();
    }

    @Test
    void errorPageIsNoRoute() throws Exception {
        for (String method : METHODS) {
            Reply reply = send(method, "/error", Map.of("Authorization", authorization), null);
            assertThat(reply.status()).as(method + " /error").isEqualTo(404);
            assertThat(reply.code()).isEqualTo("NoSuchRoute");
            assertFramed(method + " /error", reply, false);
        }
    }

    @Test
    void everyPathTheTitleStorageParserRoutesIsDocumented() throws Exception {
        Set<StorageRoot> roots = rootsMappedBy(TitleStorageController.class, "/");
        assertThat(roots).as("storage roots of TitleStorageController's mappings").containsExactlyInAnyOrder(StorageRoot.values());
        Set<StorageRoot> batchRoots = rootsMappedBy(BatchDownloadController.class, "/users/batch/");
        assertThat(batchRoots).as("storage roots of BatchDownloadController's mappings")
                .allMatch(root -> root.ownerKind() == StorageRoot.OwnerKind.USER);

        List<String> mismatches = new ArrayList<>();
        Set<Class<?>> kinds = new HashSet<>();
        int routes = 0;
        for (String path : probePaths(roots)) {
            try {
                kinds.add(StoragePaths.parse(path).getClass());
            } catch (XblException e) {
                // no kind: the server refuses this path whatever the method
            }
            for (String method : METHODS) {
                Reply reply = send(method, path, Map.of("Authorization", authorization), probeBody(method));
                boolean routed = reply.status() != 405
                        && !(reply.status() == 404 && reply.code().equals("NoSuchRoute"))
                        && !(reply.status() == 400 && reply.code().equals("InvalidPath"));
                boolean documented = DOCUMENT.operations().stream()
                        .anyMatch(op -> op.method().equals(method) && op.pathPattern().matcher(path).matches());
                if (routed != documented) {
                    mismatches.add(method + " " + path + (routed ? " is a route the document lacks" : " is documented but not a route")
                            + " (" + reply + ")");
                }
                routes += routed ? 1 : 0;
                // the batch download's 200 is the one declared stream
                assertFramed(method + " " + path + " -> " + reply, reply, reply.header("Content-Type").startsWith("multipart/"));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(kinds).as("kinds of StoragePath the probes reach")
                .containsExactlyInAnyOrder(StoragePath.class.getPermittedSubclasses());
        assertThat(routes).as("routed probes").isGreaterThan(100);
    }

    /** Every owner form of every root, then every shape after the scid: quota, listings, blobs of each type. */
    private static List<String> probePaths(Set<StorageRoot> roots) {
        List<String> prefixes = new ArrayList<>();
        for (StorageRoot root : roots) {
            switch (root.ownerKind()) {
                case TITLE -> prefixes.add("/" + root.segment() + "/scids/MockScid");
                case USER -> {
                    prefixes.add("/" + root.segment() + "/users/xuid(2533274792693551)/scids/MockScid");
                    prefixes.add("/" + root.segment() + "/users/batch/scids/MockScid");
                }
                case SESSION -> prefixes.add("/" + root.segment() + "/Template~Session/scids/MockScid");
            }
        }
        List<String> suffixes = List.of("", "/data", "/data/", "/data/saves", "/data/saves/", "/data/saves/deep",
                "/data/slot1.json,binary", "/data/saves/slot1.json,json", "/data/saves/deep/slot1,config");
        List<String> paths = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String suffix : suffixes) {
                paths.add(prefix + suffix);
            }
        }
        return paths;
    }

    private static Body probeBody(String method) {
        return switch (method) {
            case "PUT" -> new Body("application/octet-stream", "{\"level\":3}".getBytes(StandardCharsets.UTF_8));
            case "POST" -> new Body("application/json", "{\"xuids\":[\"2533274792693551\"]}".getBytes(StandardCharsets.UTF_8));
            default -> null;
        };
    }

    /** The storage roots in a raw-path controller's patterns {@code /<root><rest>**}. */
    private Set<StorageRoot> rootsMappedBy(Class<?> controller, String rest) {
        Set<StorageRoot> roots = new LinkedHashSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType() == controller) {
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    String text = pattern.getPatternString();
                    assertThat(text).as("%s pattern", controller.getSimpleName()).matches("/[a-z]+" + rest + "\\*\\*");
                    String segment = text.substring(1, text.indexOf('/', 1));
                    roots.add(StorageRoot.fromSegment(segment)
                            .orElseThrow(() -> new AssertionError(text + " maps no storage root")));
                }
            }
        });
        return roots;
    }

    // ---- requests -----------------------------------------------------------------------------------------

    /** A fresh emulator with the document's seed example applied, and the blob in place for a GET or DELETE. */
    private void prepare(OpenApiDocument.Operation operation, String path) throws Exception {
        assertThat(send("POST", "/_emulator/reset", Map.of(), null).status()).isEqualTo(204);
        Reply seeded = send("POST", "/_emulator/seed", Map.of(), requestBodies(operation("seed")).get(0));
        assertThat(seeded.status()).as("the document's seed example applies").isEqualTo(200);
        boolean readsOrDeletes = operation.method().equals("GET") || operation.method().equals("DELETE");
        var upload = DOCUMENT.operations().stream()
                .filter(op -> op.template().equals(operation.template()) && op.method().equals("PUT")).findFirst();
        if (readsOrDeletes && upload.isPresent()) {
            send("PUT", path, Map.of("Authorization", authorization), requestBodies(upload.get()).get(0));
        }
    }

    private static OpenApiDocument.Operation operation(String operationId) {
        return DOCUMENT.operations().stream().filter(op -> op.id().equals(operationId)).findFirst()
                .orElseThrow(() -> new AssertionError("no operation " + operationId));
    }

    /** The enum of the operation's x-xbl-contract-version parameter, or one request without the header. */
    private static List<String> contractVersions(OpenApiDocument.Operation operation) {
        List<String> versions = new ArrayList<>();
        operation.parameter("header", CONTRACT_VERSION)
                .ifPresent(p -> p.path("schema").path("enum").forEach(v -> versions.add(v.asString())));
        if (versions.isEmpty()) {
            versions.add(null);
        }
        return versions;
    }

    /** Each example of each media type of the request body, or one request without a body. */
    private static List<Body> requestBodies(OpenApiDocument.Operation operation) {
        List<Body> bodies = new ArrayList<>();
        if (operation.node().has("requestBody")) {
            for (var media : DOCUMENT.resolve(operation.pointer() + "/requestBody").path("content").properties()) {
                List<JsonNode> examples = new ArrayList<>();
                if (media.getValue().has("example")) {
                    examples.add(media.getValue().get("example"));
                }
                media.getValue().path("examples").forEach(example -> examples.add(example.path("value")));
                for (JsonNode example : examples) {
                    byte[] bytes = example.isString() ? example.asString().getBytes(StandardCharsets.UTF_8)
                            : JSON.writeValueAsBytes(example);
                    bodies.add(new Body(media.getKey(), bytes));
                }
            }
            assertThat(bodies).as("%s documents a request body example", operation).isNotEmpty();
        } else {
            bodies.add(null);
        }
        return bodies;
    }

    private void assertAnswersAsDocumented(OpenApiDocument.Operation operation, String path, Reply reply) {
        String where = operation + " as " + path + " -> " + reply;
        assertThat(reply.status()).as(where).isNotEqualTo(405);
        assertThat(reply.status() == 404 && reply.code().equals("NoSuchRoute")).as(where).isFalse();
        String response = operation.response(reply.status())
                .orElseThrow(() -> new AssertionError("undocumented status: " + where));
        JsonNode documented = DOCUMENT.at(response);
        assertFramed(where, reply, documented.path("x-streamed").asBoolean(false));
        for (var header : documented.path("headers").properties()) {
            JsonNode resolved = DOCUMENT.resolve(response + "/headers/" + OpenApiDocument.escape(header.getKey()));
            if (resolved.path("required").asBoolean()) {
                assertThat(reply.headers().firstValue(header.getKey())).as("header %s of %s", header.getKey(), where).isPresent();
            }
        }
        assertThat(reply.header("MS-CV")).as("MS-CV echoed: " + where).isEqualTo(CORRELATION_VECTOR);
        if (!documented.has("content")) {
            assertThat(reply.body()).as("no body: " + where).isEmpty();
            return;
        }
        String mediaType = reply.header("Content-Type").split(";")[0].trim().toLowerCase(Locale.ROOT);
        assertThat(documented.path("content").has(mediaType)).as("documented media type %s: %s", mediaType, where).isTrue();
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            String schema = response + "/content/" + OpenApiDocument.escape(mediaType) + "/schema";
            assertThat(DOCUMENT.schema(schema).validate(reply.json())).as("body fits %s: %s", schema, where).isEmpty();
        }
    }

    /**
     * SPEC 1.6: an answer whose body is known before it is sent carries its exact {@code Content-Length} and is
     * not chunked; only a response the document marks {@code x-streamed} (the batch download, the journal stream) may be.
     */
    private static void assertFramed(String where, Reply reply, boolean streamed) {
        if (streamed) {
            return;
        }
        assertThat(reply.headers().firstValue("Transfer-Encoding")).as("not chunked: " + where).isEmpty();
        if (reply.status() != 204 && reply.status() != 304) {
            assertThat(reply.header("Content-Length")).as("Content-Length: " + where)
                    .isEqualTo(Integer.toString(reply.body().length));
        }
    }

    private Reply send(String method, String path, Map<String, String> headers, Body body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .header("MS-CV", CORRELATION_VECTOR);
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", body.mediaType());
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            // an event stream never ends: its headers are the answer
            boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            return new Reply(response.statusCode(), response.headers(), stream ? new byte[0] : in.readAllBytes());
        }
    }

    private record Body(String mediaType, byte[] bytes) {
    }

    private record Reply(int status, HttpHeaders headers, byte[] body) {

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The problem's code, or "" for another body. */
        String code() {
            return header("Content-Type").startsWith("application/problem+json") ? json().path("code").asString() : "";
        }

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }
}
