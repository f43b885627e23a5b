package dev.xblmock.emulator;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import dev.xblmock.common.ErrorCode;
import dev.xblmock.common.XblException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a seed manifest (JSON or YAML) into a tree, at most {@code xblmock.control-plane.max-manifest-bytes}
 * long. Duplicate keys are an error (which one was meant?) and decimals are kept exactly as written. A syntax
 * error is a 400 {@code InvalidSeed} with its line and column.
 */
@Component
public class SeedReader {

    private final long maxBytes;
    private final ObjectMapper json;
    /** Built on first use: YAML (SnakeYAML Engine) costs startup time and most servers never read a manifest. */
    private final SingletonSupplier<ObjectMapper> yaml;

    public SeedReader(EmulatorProperties properties) {
        this.maxBytes = properties.controlPlane().maxManifestBytes();
        this.json = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        this.yaml = SingletonSupplier.of(() -> YAMLMapper.builder(YAMLFactory.builder()
                        .loadSettings(LoadSettings.builder()
                                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes))
                                .build())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build());
    }

    /** The manifest's root, or null for an empty document. */
    JsonNode read(InputStream in, SeedFormat format) {
        ObjectMapper mapper = format == SeedFormat.JSON ? json : yaml.obtain();
        try {
            JsonNode root = mapper.readTree(new Bounded(in, maxBytes));
            return root == null || root.isMissingNode() ? null : root;
        } catch (JacksonException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof XblException limit) {
                    throw limit;
                }
            }
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String reason = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
            throw new XblException(ErrorCode.INVALID_SEED, "The manifest is not valid " + format.name() + where + ": "
                    + JsonMembers.printable(reason.replace('\n', ' ')) + ".");
        }
    }

    /** Refuses a manifest the moment it passes the limit, before it is all in memory. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long count;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > max) {
                throw XblException.of(ErrorCode.BODY_TOO_LARGE, "The seed manifest is larger than %d bytes "
                        + "(xblmock.control-plane.max-manifest-bytes); put big blobs in files beside a startup seed.", max);
            }
        }
    }
}
