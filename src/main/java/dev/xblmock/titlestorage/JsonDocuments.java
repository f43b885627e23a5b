package dev.xblmock.titlestorage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.json.ConfigNodes;
import dev.xblmock.titlestorage.json.DocumentView;
import dev.xblmock.titlestorage.json.JsonRules;
import dev.xblmock.titlestorage.json.Select;
import dev.xblmock.titlestorage.json.SelectorContext;
import dev.xblmock.titlestorage.store.BlobContent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import dev.xblmock.common.json.JsonMappers;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON handling of json and config blobs: upload validation ({@link JsonRules}), {@code select}
 * ({@link Select}) and config virtual nodes ({@link ConfigNodes}). Documents are parsed into a tree only
 * for select and config downloads; json blobs are whole uploads of at most one request body (4 MiB).
 */
@Component
public class JsonDocuments {

    private final JsonMapper mapper = JsonMappers.plain();

    void validate(InputStream body) {
        JsonRules.SPEC.validate(body);
    }

    /** Checks the download's JSON parameters (400s) before the blob is looked up, and returns its view. */
    DocumentView viewFor(BlobType type, DownloadCommand command) {
        if (command.select() != null && type != BlobType.JSON) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER,
                    "Query parameter 'select' applies to json blobs only; this blob is %s.", type.wireName());
        }
        if (command.customSelector() != null && type != BlobType.CONFIG) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER,
                    "Query parameter 'customSelector' applies to config blobs only; this blob is %s.", type.wireName());
        }
        if (command.select() != null) {
            Select select = Select.parse(command.select());
            return blob -> Optional.of(mapper.writeValueAsBytes(select.apply(read(blob))));
        }
        if (type == BlobType.CONFIG) {
            SelectorContext context = SelectorContext.of(command.titleId(), command.acceptLanguage(),
                    command.customSelector());
            return blob -> ConfigNodes.resolve(read(blob), context).map(mapper::writeValueAsBytes);
        }
        return DocumentView.STORED_BYTES;
    }

    private JsonNode read(BlobContent blob) {
        try (InputStream in = blob.open()) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
