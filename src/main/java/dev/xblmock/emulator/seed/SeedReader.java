package dev.xblmock.emulator.seed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.json.JsonMappers;
import dev.xblmock.common.json.ParserMessages;
import dev.xblmock.common.json.StrictJsonReader;
import dev.xblmock.emulator.config.EmulatorProperties;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads a seed manifest (JSON or YAML) into a tree, at most {@code xblmock.control-plane.max-manifest-bytes}
 * long, counted while it is read. Duplicate keys are an error (which one was meant?) and decimals are kept
 * exactly as written. A syntax error is a 400 {@code InvalidSeed} with its line and column.
 *
 * <p>YAML has limits of its own, so that every manifest within the size limit parses in linear time and
 * memory: nesting ({@link #MAX_DEPTH}, as JSON), no aliases (Jackson would read {@code *name} as the string
 * "name": silently wrong data, and the door to alias bombs), and lines of at most {@link #MAX_YAML_LINE_BYTES}.
 * The line limit is what keeps SnakeYAML linear: its reader copies its whole look-ahead window each time it
 * reads more, and one token never spans more than a line, so the window never outgrows a line.
 */
@Component
public class SeedReader {

    /** A json blob's 16 levels (SPEC 7) inside the manifest's own 4, with room to spare. */
    static final int MAX_DEPTH = 64;
    static final int MAX_YAML_LINE_BYTES = 64 * 1024;
    /** Characters SnakeYAML reads at a time: a quarter line, so a maximal line costs a few window copies. */
    private static final int YAML_READ_CHARS = 16 * 1024;

    private final long maxBytes;
    private final StrictJsonReader json;
    private final StrictJsonReader yaml;
    /** Built on first use: YAML (SnakeYAML Engine) costs startup time and most servers never read a manifest. */
    private final SingletonSupplier<YAMLMapper> yamlMapper;

    public SeedReader(EmulatorProperties properties) {
        this.maxBytes = properties.controlPlane().maxManifestBytes();
        this.json = new StrictJsonReader(maxBytes, MAX_DEPTH, answers(SeedFormat.JSON));
        this.yaml = new StrictJsonReader(maxBytes, answers(SeedFormat.YAML));
        this.yamlMapper = SingletonSupplier.of(() -> JsonMappers.strictFeatures(YAMLMapper.builder(YAMLFactory.builder()
                        .loadSettings(LoadSettings.builder()
                                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes))
                                .setBufferSize(YAML_READ_CHARS)
                                .build())
                        .streamReadConstraints(JsonMappers.constraints(MAX_DEPTH, maxBytes))
                        .build()))
                .build());
    }

    /** The manifest's root, or null for an empty document. */
    JsonNode read(InputStream in, SeedFormat format) {
        return read(in, format, -1);
    }

    /** As {@link #read(InputStream, SeedFormat)}; a declared length over the limit is refused before reading. */
    JsonNode read(InputStream in, SeedFormat format, long declaredLength) {
        return format == SeedFormat.JSON ? json.read(in, declaredLength) : yaml.read(in, declaredLength, this::readYaml);
    }

    private JsonNode readYaml(InputStream in) {
        YAMLMapper mapper = yamlMapper.obtain();
        try (JsonParser parser = new AliasRefusingParser((YAMLParser) mapper.createParser(new LineBound(in)))) {
            return mapper.readTree(parser);
        }
    }

    private StrictJsonReader.Answers answers(SeedFormat format) {
        return new StrictJsonReader.Answers() {
            @Override
            public XblException tooLarge(long declaredLength) {
                return SeedReader.tooLarge(maxBytes);
            }

            @Override
            public XblException empty() {
                return null; // the manifest parser says what an empty manifest lacks
            }

            @Override
            public XblException malformed(JacksonException e) {
                return invalid(format, e);
            }
        };
    }

    private static XblException invalid(SeedFormat format, JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (e instanceof StreamConstraintsException) {
            return new XblException(ErrorCode.INVALID_SEED, "The manifest nests deeper than " + MAX_DEPTH + " levels"
                    + where + "; a json blob may nest 16 levels (SPEC 7).");
        }
        String reason = ParserMessages.clean(e.getOriginalMessage() == null ? null
                : e.getOriginalMessage().replace('\n', ' '), "unreadable");
        return new XblException(ErrorCode.INVALID_SEED, "The manifest is not valid " + format.name() + where + ": "
                + Identifiers.printable(reason) + ".");
    }

    private static XblException tooLarge(long max) {
        return XblException.of(ErrorCode.BODY_TOO_LARGE, "The seed manifest is larger than %d bytes "
                + "(xblmock.control-plane.max-manifest-bytes); put big blobs in files beside a startup seed.", max);
    }

    /** Refuses a YAML alias ({@code *name}) where Jackson would read the anchor's name as a string. */
    private static final class AliasRefusingParser extends JsonParserDelegate {

        AliasRefusingParser(YAMLParser yaml) {
            super(yaml);
        }

        @Override
        public JsonToken nextToken() {
            JsonToken token = delegate.nextToken();
            if (((YAMLParser) delegate).isCurrentAlias()) {
                TokenStreamLocation at = delegate.currentTokenLocation();
                throw new XblException(ErrorCode.INVALID_SEED, "The manifest uses the YAML alias *"
                        + Identifiers.printable(String.valueOf(delegate.getString())) + " at line " + at.getLineNr()
                        + ", column " + at.getColumnNr() + "; aliases are not supported, write the value out.");
            }
            return token;
        }

        // Every other way forward goes through nextToken(), so no alias slips past it.
        @Override
        public JsonToken nextValue() {
            JsonToken token = nextToken();
            return token == JsonToken.PROPERTY_NAME ? nextToken() : token;
        }

        @Override
        public String nextName() {
            return nextToken() == JsonToken.PROPERTY_NAME ? currentName() : null;
        }

        @Override
        public boolean nextName(SerializableString name) {
            return nextToken() == JsonToken.PROPERTY_NAME && name.getValue().equals(currentName());
        }

        @Override
        public int nextNameMatch(PropertyNameMatcher matcher) {
            String name = nextName();
            if (name != null) {
                return matcher.matchName(name);
            }
            return currentToken() == JsonToken.END_OBJECT ? PropertyNameMatcher.MATCH_END_OBJECT
                    : PropertyNameMatcher.MATCH_ODD_TOKEN;
        }
    }

    /**
     * Refuses a YAML line longer than {@link #MAX_YAML_LINE_BYTES} bytes (bytes, not code points: the check runs
     * before decoding); the {@link StrictJsonReader} below it bounds the whole manifest.
     */
    private static final class LineBound extends FilterInputStream {
        private long lineLength;
        private long line = 1;
        private boolean afterCarriageReturn;

        LineBound(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            for (int i = off; i < off + n; i++) {
                byte b = buffer[i];
                if (b == '\n' || b == '\r') { // LF, CRLF or a lone CR: all line breaks in YAML
                    if (b == '\r' || !afterCarriageReturn) {
                        line++;
                    }
                    afterCarriageReturn = b == '\r';
                    lineLength = 0;
                    continue;
                }
                afterCarriageReturn = false;
                if (++lineLength > MAX_YAML_LINE_BYTES) {
                    throw XblException.of(ErrorCode.INVALID_SEED, "Line %d of the YAML manifest is longer than %d "
                            + "bytes; break long text or base64 over several lines (a block scalar: 'base64: |'), "
                            + "or post the manifest as JSON.", line, MAX_YAML_LINE_BYTES);
                }
            }
            return n;
        }
    }
}
