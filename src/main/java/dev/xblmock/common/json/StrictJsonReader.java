package dev.xblmock.common.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dev.xblmock.common.error.XblException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The one reader of JSON request bodies (a batch download, a stats batch, a control-plane write, a seed
 * manifest), whatever their {@code Content-Type}. It is bounded: at most {@code maxBytes} (a declared length
 * over it is refused unread, and reading stops one byte past it), nesting and string length through the
 * strict mapper's {@link tools.jackson.core.StreamReadConstraints}. It is strict: duplicate members and
 * trailing content are refused (see {@link JsonMappers}). Size comes before syntax: a body that is both too
 * large and malformed is answered as too large. Every refusal is an {@link XblException} worded by the
 * endpoint's {@link Answers}, so each endpoint keeps the details its tests and clients know.
 */
public final class StrictJsonReader {

    /** How an endpoint words each refusal. */
    public interface Answers {

        /** @param declaredLength the declared length over the limit, or -1 when the body ran past it while read */
        XblException tooLarge(long declaredLength);

        /** No value at all (nothing, or white space only); null where an empty document is allowed. */
        XblException empty();

        /**
         * The grammar broken, or a nesting or length bound passed ({@code StreamConstraintsException}); word
         * the parser's complaint with {@link ParserMessages}, never verbatim.
         */
        XblException malformed(JacksonException e);
    }

    private final ObjectMapper mapper;
    private final long maxBytes;
    private final Answers answers;

    /** Reads with {@link JsonMappers#strict(int, long)}, strings no longer than the body may be. */
    public StrictJsonReader(long maxBytes, int maxDepth, Answers answers) {
        this(JsonMappers.strict(maxDepth, maxBytes), maxBytes, answers);
    }

    /**
     * For a format that parses with a set-up of its own (YAML), built with {@link JsonMappers#strictFeatures}:
     * read with {@link #read(InputStream, long, Parse)}.
     */
    public StrictJsonReader(long maxBytes, Answers answers) {
        this(null, maxBytes, answers);
    }

    StrictJsonReader(ObjectMapper mapper, long maxBytes, Answers answers) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
        this.answers = answers;
    }

    /**
     * @param declaredLength the body's declared length, or -1 when unknown (chunked)
     * @return the root value, never missing; null only where {@link Answers#empty()} allows an empty document
     */
    public JsonNode read(InputStream body, long declaredLength) {
        if (mapper == null) {
            throw new IllegalStateException("This reader parses with the caller's own set-up");
        }
        return read(body, declaredLength, in -> mapper.readTree(in));
    }

    /** What parses the bounded stream into a tree (a format's own parser set-up). */
    @FunctionalInterface
    public interface Parse {
        JsonNode parse(InputStream bounded);
    }

    /** As {@link #read(InputStream, long)}, parsing with {@code parse} (which may throw its own refusals). */
    public JsonNode read(InputStream body, long declaredLength, Parse parse) {
        if (declaredLength > maxBytes) {
            throw answers.tooLarge(declaredLength);
        }
        // Jackson closes its source when done or failed; the body is the caller's, and may still be drained
        BoundedInput bounded = new BoundedInput(body, maxBytes, count -> answers.tooLarge(-1)) {
            @Override
            public void close() {
            }
        };
        JsonNode root;
        try {
            root = parse.parse(bounded);
        } catch (JacksonException e) {
            XblException refusal = refusalInside(e);
            if (refusal != null) {
                throw refusal;
            }
            drain(bounded);
            throw answers.malformed(e);
        }
        if (root == null || root.isMissingNode()) {
            drain(bounded);
            XblException empty = answers.empty();
            if (empty != null) {
                throw empty;
            }
            return null;
        }
        return root;
    }

    /** A refusal thrown from under the parser (the size bound, a format's own rule), which Jackson may wrap. */
    private static XblException refusalInside(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof XblException refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static void drain(BoundedInput bounded) {
        try {
            bounded.drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** " (line L, column C)", or "" when the location is unknown: the Xbox endpoints' way of placing an error. */
    public static String inParentheses(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
