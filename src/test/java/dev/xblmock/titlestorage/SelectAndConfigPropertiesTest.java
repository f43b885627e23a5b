package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.titlestorage.json.ConfigNodes;
import dev.xblmock.titlestorage.json.Select;
import dev.xblmock.titlestorage.json.SelectorContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class SelectAndConfigPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // --- select ---

    @Property(tries = 300)
    void selectFindsWhatWasPutAtThePath(@ForAll("paths") List<Object> path, @ForAll("leaves") JsonNode leaf) {
        JsonNode document = leaf;
        String lastName = null;
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i) instanceof String name) {
                document = NODES.objectNode().put("other", 1).set(name, document);
            } else {
                int index = (Integer) path.get(i);
                ArrayNode array = NODES.arrayNode();
                for (int k = 0; k < index; k++) {
                    array.add(k);
                }
                document = array.add(document).add("after");
            }
        }
        for (Object step : path) {
            if (step instanceof String name) {
                lastName = name;
            }
        }
        ObjectNode response = Select.parse(selector(path)).apply(document);
        assertThat(response).isEqualTo(NODES.objectNode().set(lastName, leaf));
    }

    @Property(tries = 500)
    void anySelectorTextEitherParsesOrIsInvalidSelect(@ForAll("selectorText") String text) {
        try {
            Select select = Select.parse(text);
            assertThat(select.memberName()).isNotEmpty().doesNotContain(".", "[", "]");
        } catch (XblException e) {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SELECT);
            assertThat(e.detail()).startsWith("The query parameter select ");
        }
    }

    private static String selector(List<Object> path) {
        StringBuilder selector = new StringBuilder();
        for (Object step : path) {
            if (step instanceof String name) {
                selector.append(selector.isEmpty() ? "" : ".").append(name);
            } else {
                selector.append('[').append(step).append(']');
            }
        }
        return selector.toString();
    }

    @Provide
    Arbitrary<List<Object>> paths() {
        Arbitrary<Object> step = Arbitraries.oneOf(names().map(n -> (Object) n),
                Arbitraries.integers().between(0, 5).map(i -> (Object) i));
        return Combinators.combine(names(), step.list().ofMaxSize(8)).as((first, rest) -> {
            List<Object> path = new ArrayList<>();
            path.add(first);
            path.addAll(rest);
            return path;
        });
    }

    @Provide
    Arbitrary<String> selectorText() {
        return Arbitraries.strings().withChars("ab.[]0-9x ").ofMaxLength(12);
    }

    private static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("_ -$é").ofMinLength(1).ofMaxLength(6)
                .filter(name -> !name.equals("other"));
    }

    @Provide
    Arbitrary<JsonNode> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(10).map(s -> (JsonNode) NODES.stringNode(s)),
                Arbitraries.integers().map(n -> (JsonNode) NODES.numberNode(n)),
                Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode()));
    }

    // --- config virtual nodes ---

    @Property(tries = 200)
    void documentsWithoutVirtualNodesAreServedAsStored(@ForAll("documents") JsonNode document) {
        assertThat(ConfigNodes.resolve(document, new SelectorContext("1", "en", Map.of("k", "v")))).isEmpty();
    }

    /**
     * Wrapping values in virtual nodes whose chosen data is the value itself changes nothing but adding
     * {@code _sourceNodes}, whose members, read as selectors, lead back to those values.
     */
    @Property(tries = 300)
    void resolvingUndoesWrapping(@ForAll("documents") JsonNode original, @ForAll("wrapChoices") List<Integer> choices) {
        int[] next = {0};
        JsonNode wrapped = wrap(original, choices, next);
        Optional<JsonNode> resolved = ConfigNodes.resolve(wrapped, new SelectorContext("42", "en-US", Map.of("k", "v")));
        if (resolved.isEmpty()) {
            assertThat(wrapped).isEqualTo(original);
            return;
        }
        ObjectNode served = (ObjectNode) resolved.get();
        List<String> names = new ArrayList<>(served.propertyNames());
        assertThat(names.get(names.size() - 1)).isEqualTo("_sourceNodes");
        JsonNode sourceNodes = served.remove("_sourceNodes");
        assertThat(served).isEqualTo(original);
        for (JsonNode entry : sourceNodes.values()) {
            String text = entry.stringValue();
            String member = text.substring(0, text.indexOf(':'));
            assertThat(text.substring(member.length())).isIn(":titleId:42", ":locale:EN-us", ":custom:k:v",
                    ":titleId:default");
            if (!member.isEmpty() && !member.startsWith("[")) {
                Select.parse(member).apply(served); // the member path leads to a value of the served document
            }
        }
    }

    /** Wraps some values (chosen by the next entry of {@code choices}) in a virtual node that resolves back to them. */
    private static JsonNode wrap(JsonNode node, List<Integer> choices, int[] next) {
        JsonNode copy = node;
        if (node.isObject()) {
            ObjectNode object = NODES.objectNode();
            node.properties().forEach(member -> object.set(member.getKey(), wrap(member.getValue(), choices, next)));
            copy = object;
        } else if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.values().forEach(element -> array.add(wrap(element, choices, next)));
            copy = array;
        }
        int choice = next[0] < choices.size() ? choices.get(next[0]++) : 0;
        return switch (choice) {
            case 1 -> virtualNode("titleId", "7", NODES.stringNode("other title"), "42", copy);
            case 2 -> virtualNode("locale", "fr-FR", NODES.nullNode(), "EN-us", copy);
            case 3 -> virtualNode("custom:k", "w", NODES.numberNode(0), "v", copy);
            case 4 -> virtualNode("titleId", "default", copy, "8", NODES.booleanNode(false));
            default -> copy;
        };
    }

    private static JsonNode virtualNode(String selectBy, String selector1, JsonNode data1, String selector2, JsonNode data2) {
        ObjectNode spec = NODES.objectNode().put("_selectBy", selectBy);
        ArrayNode sources = spec.putArray("_sourceNodes");
        sources.addObject().put("_selector", selector1).set("_data", data1);
        sources.addObject().put("_selector", selector2).set("_data", data2);
        return NODES.objectNode().set("_virtualNode", spec);
    }

    @Provide
    Arbitrary<List<Integer>> wrapChoices() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 4)))
                .list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        return object(1);
    }

    private static Arbitrary<JsonNode> value(int depth) {
        if (depth >= 5) {
            return leafValues();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, leafValues()),
                Tuple.of(1, Arbitraries.lazy(() -> object(depth + 1))),
                Tuple.of(1, Arbitraries.lazy(() -> array(depth + 1))));
    }

    private static Arbitrary<JsonNode> leafValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(5).map(s -> (JsonNode) NODES.stringNode(s)),
                Arbitraries.integers().between(-100, 100).map(n -> (JsonNode) NODES.numberNode(n)),
                Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true)));
    }

    private static Arbitrary<JsonNode> object(int depth) {
        return Combinators.combine(names().list().ofMaxSize(4), value(depth).list().ofMaxSize(4)).as((keys, values) -> {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                object.set(keys.get(i), values.get(i));
            }
            return (JsonNode) object;
        });
    }

    private static Arbitrary<JsonNode> array(int depth) {
        return value(depth).list().ofMaxSize(4).map(elements -> {
            ArrayNode array = NODES.arrayNode();
            elements.forEach(array::add);
            return (JsonNode) array;
        });
    }
}
