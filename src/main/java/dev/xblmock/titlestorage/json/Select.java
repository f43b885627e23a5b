package dev.xblmock.titlestorage.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code select} query parameter of a json download (SPEC 3.3, 7): a dotted property path with
 * {@code [n]} array indices, e.g. {@code weapon.name}, {@code level[3].quest}, {@code level[1]}, {@code grid[0][2]}.
 *
 * <p>Grammar: {@code name ( "." name | "[" digits "]" )*}, where a name is one or more characters other than
 * {@code .}, {@code [} and {@code ]} (no escaping: a property whose name contains those cannot be selected).
 * A selector must start with a property name: the root is never an array, and the response member is named
 * after a property. Indices are non-negative decimal integers (leading zeros allowed); an index too large for
 * any array is well-formed and simply selects nothing. Anything else (empty, leading/trailing/double dot,
 * unclosed or empty brackets, a sign or letter in an index, text right after {@code ]}) is malformed:
 * {@code InvalidSelect} (400). An empty {@code select=} is malformed too.
 *
 * <p>{@link #apply} answers {@code {"<last property name>": <selected value>}}; a selector ending on an
 * array element names the member after that array's property ({@code level[1]} → {@code {"level": …}}).
 * A missing member, an index out of range, an index into a non-array or a property of a non-object is
 * {@code SelectNotFound} (404). A member whose value is JSON {@code null} is found.
 */
public final class Select {

    public static final String PARAMETER = "select";

    private sealed interface Step permits Property, Index {
    }

    private record Property(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private final String selector;
    private final List<Step> steps;
    private final String memberName;

    private Select(String selector, List<Step> steps, String memberName) {
        this.selector = selector;
        this.steps = List.copyOf(steps);
        this.memberName = memberName;
    }

    /** Parses the (percent-decoded) value of the {@code select} query parameter. */
    public static Select parse(String selector) {
        if (selector == null || selector.isEmpty()) {
            throw malformed("is empty; give a property path such as weapon.name or level[3].quest");
        }
        List<Step> steps = new ArrayList<>();
        String lastName = null;
        int i = 0;
        boolean expectName = true;
        while (true) {
            if (expectName) {
                int end = nameEnd(selector, i);
                if (end == i) {
                    throw missingName(selector, i);
                }
                lastName = selector.substring(i, end);
                steps.add(new Property(lastName));
                i = end;
                expectName = false;
            }
            if (i == selector.length()) {
                return new Select(selector, steps, lastName);
            }
            char c = selector.charAt(i);
            if (c == '.') {
                i++;
                expectName = true;
            } else if (c == '[') {
                int close = selector.indexOf(']', i + 1);
                if (close < 0) {
                    throw malformed("'%s' opens '[' at position %d without closing it", selector, i + 1);
                }
                steps.add(new Index(index(selector, i + 1, close)));
                i = close + 1;
            } else {
                throw malformed("'%s' has '%c' at position %d where '.', '[' or the end was expected",
                        selector, c, i + 1);
            }
        }
    }

    private static int nameEnd(String selector, int from) {
        int i = from;
        while (i < selector.length() && ".[]".indexOf(selector.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static XblException missingName(String selector, int at) {
        if (at == selector.length()) {
            return malformed("'%s' ends with '.'; a property name must follow every '.'", selector);
        }
        if (at == 0) {
            return malformed("'%s' starts with '%c'; it must start with a property name", selector, selector.charAt(0));
        }
        return malformed("'%s' has '%c' at position %d where a property name was expected",
                selector, selector.charAt(at), at + 1);
    }

    private static int index(String selector, int from, int to) {
        String digits = selector.substring(from, to);
        if (digits.isEmpty()) {
            throw malformed("'%s' has an empty array index at position %d", selector, from);
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed("'%s' has the array index '%s' at position %d; an index is a non-negative integer",
                        selector, digits, from);
            }
        }
        // larger than any array can be: well-formed, but it selects nothing
        return new BigInteger(digits).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }

    private static XblException malformed(String problem, Object... args) {
        return XblException.of(ErrorCode.INVALID_SELECT, "The query parameter select " + problem + ".", args);
    }

    /** The selector as given. */
    public String selector() {
        return selector;
    }

    /** The member name of the response: the last property name in the selector. */
    public String memberName() {
        return memberName;
    }

    /**
     * Selects from {@code document} and returns the response object {@code {"<memberName>": <value>}}. The value
     * is the document's own node, not a copy.
     */
    public ObjectNode apply(JsonNode document) {
        JsonNode current = document;
        StringBuilder walked = new StringBuilder();
        for (Step step : steps) {
            if (step instanceof Property property) {
                if (!current.isObject()) {
                    throw notFound("%s is %s, not an object, so it has no member '%s'", describe(walked), kind(current),
                            property.name());
                }
                JsonNode next = current.get(property.name());
                if (next == null) {
                    throw notFound("%s has no member '%s'", describe(walked), property.name());
                }
                if (!walked.isEmpty()) {
                    walked.append('.');
                }
                walked.append(property.name());
                current = next;
            } else if (step instanceof Index index) {
                if (!current.isArray()) {
                    throw notFound("%s is %s, not an array, so it has no element [%d]", describe(walked), kind(current),
                            index.index());
                }
                if (index.index() >= current.size()) {
                    throw notFound("%s has %d element%s, so it has no element [%d]", describe(walked), current.size(),
                            current.size() == 1 ? "" : "s", index.index());
                }
                walked.append('[').append(index.index()).append(']');
                current = current.get(index.index());
            }
        }
        return JsonNodeFactory.instance.objectNode().set(memberName, current);
    }

    private XblException notFound(String format, Object... args) {
        return XblException.of(ErrorCode.SELECT_NOT_FOUND,
                "The query parameter select '%s' selects nothing: %s.", selector, String.format(format, args));
    }

    private static String describe(CharSequence walked) {
        return walked.isEmpty() ? "the document" : "'" + walked + "'";
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }

    @Override
    public String toString() {
        return selector;
    }
}
