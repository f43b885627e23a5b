package dev.xblmock.titlestorage.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves the virtual nodes of a config blob for one caller (SPEC 3.8, 7).
 *
 * <p>A virtual node is an object whose only member is {@code _virtualNode}, holding an object with a string
 * {@code _selectBy} ({@code titleId}, {@code locale} or {@code custom:<name>}) and an array
 * {@code _sourceNodes} of objects, each with a string {@code _selector} and a {@code _data} member (any value,
 * {@code null} included). Other members of {@code _virtualNode} and of source nodes are ignored. It is replaced
 * by the {@code _data} of the first source node whose {@code _selector} equals the caller's value (exactly;
 * locales case-insensitively), else of the first whose {@code _selector} is {@code default}; with neither it is
 * removed (from an array: the element goes and later elements move up).
 *
 * <p>Choices where the SPEC is silent:
 * <ul>
 *   <li>Virtual nodes are resolved wherever they are: in objects, in arrays, inside the chosen {@code _data}
 *       (resolved again, its members' paths continuing from the replaced node), and at the root. Source nodes
 *       that are not chosen are dropped unseen.</li>
 *   <li>{@code <member>} in {@code _sourceNodes} is the path in the <em>served</em> document: dotted names from
 *       the root, array elements as {@code [n]} counted after earlier removals, {@code ""} for the root itself.
 *       Names are not escaped.</li>
 *   <li>A root virtual node resolves like any other: to an object, which then carries {@code _sourceNodes}; to
 *       nothing, giving {@code {"_sourceNodes":[]}}; to a scalar or array, served as such without
 *       {@code _sourceNodes} (nowhere to put it).</li>
 *   <li>A stored top-level {@code _sourceNodes} member is replaced by the computed one, which is always last.</li>
 *   <li>An object that looks like a virtual node but is malformed (another member beside {@code _virtualNode},
 *       {@code _sourceNodes} not an array, a non-string or missing {@code _selector}, a source node without
 *       {@code _data}, an unknown {@code _selectBy}, …) is ordinary data: served literally, its contents walked
 *       like any other. A document whose only such objects are malformed has no virtual node.</li>
 * </ul>
 */
public final class ConfigNodes {

    public static final String VIRTUAL_NODE = "_virtualNode";
    public static final String SELECT_BY = "_selectBy";
    public static final String SOURCE_NODES = "_sourceNodes";
    public static final String SELECTOR = "_selector";
    public static final String DATA = "_data";
    public static final String DEFAULT_SELECTOR = "default";
    private static final String CUSTOM_PREFIX = "custom:";

    private ConfigNodes() {
    }

    /**
     * Resolves every virtual node of {@code document} (not modified) for {@code context}.
     *
     * @return empty when the document has no virtual node (serve the stored bytes unchanged); otherwise the
     *         document to serve, with {@code _sourceNodes} as its last top-level member
     */
    public static Optional<JsonNode> resolve(JsonNode document, SelectorContext context) {
        Resolution resolution = new Resolution(context);
        Optional<JsonNode> root = resolution.resolve(document, "");
        if (!resolution.sawVirtualNode) {
            return Optional.empty();
        }
        JsonNode served = root.orElseGet(JsonNodeFactory.instance::objectNode);
        if (served instanceof ObjectNode object) {
            object.remove(SOURCE_NODES);
            ArrayNode sourceNodes = object.putArray(SOURCE_NODES);
            resolution.sourceNodes.forEach(sourceNodes::add);
        }
        return Optional.of(served);
    }

    /** One walk: copies every container (the input stays untouched) and records each replacement. */
    private static final class Resolution {
        private final SelectorContext context;
        private final List<String> sourceNodes = new ArrayList<>();
        private boolean sawVirtualNode;

        Resolution(SelectorContext context) {
            this.context = context;
        }

        /** The node to serve in place of {@code node} at {@code path}; empty when it is removed. */
        Optional<JsonNode> resolve(JsonNode node, String path) {
            Optional<VirtualNode> virtual = VirtualNode.of(node);
            if (virtual.isPresent()) {
                sawVirtualNode = true;
                Optional<SourceNode> chosen = virtual.get().choose(context);
                if (chosen.isEmpty()) {
                    return Optional.empty();
                }
                sourceNodes.add(path + ":" + virtual.get().selectBy() + ":" + chosen.get().selector());
                return resolve(chosen.get().data(), path);
            }
            if (node.isObject()) {
                ObjectNode copy = JsonNodeFactory.instance.objectNode();
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                    resolve(member.getValue(), memberPath).ifPresent(value -> copy.set(member.getKey(), value));
                }
                return Optional.of(copy);
            }
            if (node.isArray()) {
                ArrayNode copy = JsonNodeFactory.instance.arrayNode();
                for (JsonNode element : node.values()) {
                    resolve(element, path + "[" + copy.size() + "]").ifPresent(copy::add);
                }
                return Optional.of(copy);
            }
            return Optional.of(node); // scalars are immutable: shared, not copied
        }
    }

    private record SourceNode(String selector, JsonNode data) {
    }

    /** A well-formed virtual node. */
    private record VirtualNode(String selectBy, List<SourceNode> sources) {

        static Optional<VirtualNode> of(JsonNode node) {
            if (!node.isObject() || node.size() != 1 || !node.has(VIRTUAL_NODE)) {
                return Optional.empty();
            }
            JsonNode spec = node.get(VIRTUAL_NODE);
            JsonNode selectBy = spec.get(SELECT_BY);
            JsonNode sourceNodes = spec.get(SOURCE_NODES);
            if (!spec.isObject() || selectBy == null || !selectBy.isString() || !isKnownSelectBy(selectBy.stringValue())
                    || sourceNodes == null || !sourceNodes.isArray()) {
                return Optional.empty();
            }
            List<SourceNode> sources = new ArrayList<>();
            for (JsonNode source : sourceNodes.values()) {
                JsonNode selector = source.get(SELECTOR);
                JsonNode data = source.get(DATA);
                if (!source.isObject() || selector == null || !selector.isString() || data == null) {
                    return Optional.empty();
                }
                sources.add(new SourceNode(selector.stringValue(), data));
            }
            return Optional.of(new VirtualNode(selectBy.stringValue(), sources));
        }

        private static boolean isKnownSelectBy(String selectBy) {
            return selectBy.equals("titleId") || selectBy.equals("locale")
                    || (selectBy.startsWith(CUSTOM_PREFIX) && selectBy.length() > CUSTOM_PREFIX.length());
        }

        Optional<SourceNode> choose(SelectorContext context) {
            String value = callerValue(context);
            if (value != null) {
                for (SourceNode source : sources) {
                    if (selectBy.equals("locale") ? source.selector().equalsIgnoreCase(value)
                            : source.selector().equals(value)) {
                        return Optional.of(source);
                    }
                }
            }
            return sources.stream().filter(source -> source.selector().equals(DEFAULT_SELECTOR)).findFirst();
        }

        private String callerValue(SelectorContext context) {
            return switch (selectBy) {
                case "titleId" -> context.titleId();
                case "locale" -> context.locale();
                default -> context.custom().get(selectBy.substring(CUSTOM_PREFIX.length()));
            };
        }
    }
}
