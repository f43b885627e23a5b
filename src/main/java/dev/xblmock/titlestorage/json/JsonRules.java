package dev.xblmock.titlestorage.json;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.json.ParserMessages;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Checks a json or config body against the JSON rules (SPEC 3.4, 7) in one streaming pass, token by token,
 * without building a tree: strict UTF-8, one JSON value whose root is not an array (objects and scalars are
 * fine), followed by nothing but whitespace, and within the {@link JsonLimits}. Every violation is an
 * {@code InvalidJson} error whose detail names the rule and the RFC 6901 pointer where it broke (or, for
 * malformed text, the line and column).
 *
 * <p>Jackson's {@link StreamReadConstraints} are set to twice each limit: a safety net that stops a gigantic
 * number, string or name before it is buffered, while the exact check here fires first for anything of a
 * sane size. Twice, because a code point takes up to two chars, so whatever trips the net breaks the rule.
 *
 * <p>Duplicate member names are accepted (RFC 8259 only says names SHOULD be unique, and Jackson does not
 * detect them unless asked): the bytes are stored as sent, each duplicate counts towards the member limit, and
 * a later tree read keeps the last value.
 *
 * <p>{@link #validate} reads the stream up to the end of the document, or up to the first violation, and
 * leaves it open.
 */
public final class JsonRules {

    public static final JsonRules SPEC = new JsonRules(JsonLimits.SPEC);

    private final JsonLimits limits;
    private final JsonFactory factory;

    public JsonRules(JsonLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(safetyNet(limits.maxNumberLength()))
                        .maxStringLength(safetyNet(limits.maxStringLength()))
                        .maxNameLength(safetyNet(limits.maxNameLength()))
                        .maxNestingDepth(safetyNet(limits.maxDepth()))
                        .build())
                .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES) // see safetyNetTripped
                .build();
    }

    private static int safetyNet(int limit) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * limit);
    }

    public JsonLimits limits() {
        return limits;
    }

    /**
     * Reads {@code body} as a json/config blob and returns normally if it obeys every rule.
     *
     * @throws XblException {@code InvalidJson} naming the first rule broken and where
     * @throws UncheckedIOException when reading the stream itself fails (e.g. the client went away)
     */
    public void validate(InputStream body) {
        JsonParser parser = factory.createParser(ObjectReadContext.empty(), new StrictUtf8Reader(body));
        try {
            new Validation(parser).run();
        } finally {
            parser.close();
        }
    }

    /** One pass over one document: the open containers from the root inwards. */
    private final class Validation {
        private final JsonParser parser;
        private final List<Container> open = new ArrayList<>();
        private JsonToken last;

        Validation(JsonParser parser) {
            this.parser = parser;
        }

        void run() {
            try {
                JsonToken token = next();
                if (token == null) {
                    throw invalid("The body is empty or only whitespace; a json or config blob must be a JSON document.");
                }
                if (token == JsonToken.START_ARRAY) {
                    throw invalid("The root of the document is an array; it must be an object or a scalar value.");
                }
                accept(token);
                while (!open.isEmpty()) {
                    token = next();
                    if (token == null) {
                        throw invalid("The document ends before its root value is complete.");
                    }
                    accept(token);
                }
                requireNothingAfterTheRoot();
            } catch (JacksonIOException e) {
                if (e.getCause() instanceof StrictUtf8Reader.MalformedUtf8Exception malformed) {
                    throw invalid("The body is not valid UTF-8: the byte sequence at byte offset %d is malformed.",
                            malformed.byteOffset());
                }
                throw new UncheckedIOException(e.getCause());
            } catch (StreamReadException e) {
                throw invalid("The body is not well-formed JSON%s: %s.", where(e.getLocation()),
                        ParserMessages.clean(e.getOriginalMessage()));
            } catch (JacksonException e) {
                throw invalid("The body is not well-formed JSON%s.", where(e.getLocation()));
            }
        }

        private void requireNothingAfterTheRoot() {
            TokenStreamLocation at;
            try {
                if (parser.nextToken() == null) {
                    return;
                }
                at = parser.currentTokenLocation();
            } catch (StreamConstraintsException e) {
                at = parser.currentLocation(); // a gigantic second value: still content after the root
            }
            throw invalid("Unexpected content after the root value at line %d, column %d; only whitespace may follow it.",
                    at.getLineNr(), at.getColumnNr());
        }

        private JsonToken next() {
            try {
                last = parser.nextToken();
                return last;
            } catch (StreamConstraintsException e) {
                throw safetyNetTripped();
            }
        }

        private void accept(JsonToken token) {
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    startValue();
                    open.add(new Container(token == JsonToken.START_ARRAY));
                    if (open.size() > limits.maxDepth()) {
                        throw invalid("The %s at %s is nested %d levels deep; at most %d levels are allowed.",
                                token == JsonToken.START_ARRAY ? "array" : "object", describe(containerPointer()),
                                open.size(), limits.maxDepth());
                    }
                }
                case END_OBJECT, END_ARRAY -> open.remove(open.size() - 1);
                case PROPERTY_NAME -> acceptName(parser.currentName());
                case VALUE_STRING -> {
                    startValue();
                    checkString();
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    startValue();
                    checkNumber();
                }
                default -> startValue(); // true, false, null
            }
        }

        /** A value begins: counts it as an element when the innermost container is an array. */
        private void startValue() {
            Container innermost = innermost();
            if (innermost != null && innermost.array) {
                innermost.count++;
                if (innermost.count > limits.maxArrayElements()) {
                    throw invalid("The array at %s has more than %d elements; at most %d are allowed.",
                            describe(containerPointer()), limits.maxArrayElements(), limits.maxArrayElements());
                }
            }
        }

        private void acceptName(String name) {
            Container object = innermost();
            object.count++;
            if (object.count > limits.maxObjectMembers()) {
                throw invalid("The object at %s has more than %d members; at most %d are allowed.",
                        describe(containerPointer()), limits.maxObjectMembers(), limits.maxObjectMembers());
            }
            object.name = name;
            int length = object.name.codePointCount(0, object.name.length());
            if (length > limits.maxNameLength()) {
                throw invalid("The property name at %s is %d characters long; at most %d are allowed.",
                        describe(valuePointer(false)), length, limits.maxNameLength());
            }
        }

        private void checkString() {
            String value;
            try {
                value = parser.getString();
            } catch (StreamConstraintsException e) {
                throw stringTooLong(valuePointer(false));
            }
            int length = value.codePointCount(0, value.length());
            if (length > limits.maxStringLength()) {
                throw invalid("The string at %s is %d characters long; at most %d are allowed.",
                        describe(valuePointer(false)), length, limits.maxStringLength());
            }
        }

        private void checkNumber() {
            int length = parser.getString().length(); // the literal as written; JSON numbers are ASCII
            if (length > limits.maxNumberLength()) {
                throw invalid("The number at %s is %d characters long; at most %d are allowed.",
                        describe(valuePointer(false)), length, limits.maxNumberLength());
            }
        }

        /**
         * Jackson refused a token before handing it over: a member name or a number (string values are read
         * lazily, in {@link #checkString}, and the depth rule fires long before the net). Its message names the
         * buffer that overflowed, not the token, so the parser's state decides: after a member name Jackson parses
         * a number value in the same step, and it records the new name first. Names are not canonicalized, so a
         * recorded name is a new String even when it repeats the previous one. The net sits at twice each limit,
         * so the token breaks the rule; it was never counted, so it is the value about to start.
         */
        private XblException safetyNetTripped() {
            Container innermost = innermost();
            boolean expectingName = innermost != null && !innermost.array && last != JsonToken.PROPERTY_NAME;
            if (expectingName && parser.streamReadContext().currentName() == innermost.name) {
                return invalid("A property name in the object at %s is more than %d characters long; at most %d are allowed.",
                        describe(containerPointer()), limits.maxNameLength(), limits.maxNameLength());
            }
            if (expectingName) {
                acceptName(parser.streamReadContext().currentName()); // the name breaks a rule first, if any
            }
            return invalid("The number at %s is more than %d characters long; at most %d are allowed.",
                    describe(valuePointer(true)), limits.maxNumberLength(), limits.maxNumberLength());
        }

        private XblException stringTooLong(String pointer) {
            return invalid("The string at %s is more than %d characters long; at most %d are allowed.",
                    describe(pointer), limits.maxStringLength(), limits.maxStringLength());
        }

        private Container innermost() {
            return open.isEmpty() ? null : open.get(open.size() - 1);
        }

        /** Pointer to the innermost open container (the root pointer "" when none or the root is innermost). */
        private String containerPointer() {
            StringBuilder pointer = new StringBuilder();
            for (int i = 0; i < open.size() - 1; i++) {
                open.get(i).appendChild(pointer, false);
            }
            return pointer.toString();
        }

        /**
         * Pointer to the current value of the innermost container; {@code pending}: to the value that is about
         * to start (not yet counted).
         */
        private String valuePointer(boolean pending) {
            StringBuilder pointer = new StringBuilder(containerPointer());
            Container innermost = innermost();
            if (innermost != null) {
                innermost.appendChild(pointer, pending);
            }
            return pointer.toString();
        }
    }

    /** An open object or array: how many members/elements it has so far and the latest member name. */
    private static final class Container {
        final boolean array;
        int count;
        String name;

        Container(boolean array) {
            this.array = array;
        }

        void appendChild(StringBuilder pointer, boolean pending) {
            pointer.append('/');
            if (array) {
                pointer.append(pending ? count : count - 1);
            } else if (name != null) {
                pointer.append(name.replace("~", "~0").replace("/", "~1"));
            }
        }
    }

    private static String describe(String pointer) {
        return pointer.isEmpty() ? "the document root" : pointer;
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return String.format(" at line %d, column %d", location.getLineNr(), location.getColumnNr());
    }

    private static XblException invalid(String format, Object... args) {
        return XblException.of(ErrorCode.INVALID_JSON, format, args);
    }
}
