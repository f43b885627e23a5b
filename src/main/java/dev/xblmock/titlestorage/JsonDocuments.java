package dev.xblmock.titlestorage;

import java.io.InputStream;

import dev.xblmock.common.ErrorCode;
import dev.xblmock.common.XblException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON handling of json and config blobs: upload validation, {@code select}, config virtual nodes. */
@Component
public class JsonDocuments {

    private final JsonMapper mapper = JsonMapper.builder().build();

    void validate(InputStream body) {
        try {
            mapper.readTree(body);
        } catch (JacksonException e) {
            throw XblException.of(ErrorCode.INVALID_JSON, "The body is not valid JSON.");
        }
    }

    DocumentView viewFor(BlobType type, DownloadCommand command) {
        if (command.select() != null && type != BlobType.JSON) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER, "Query parameter 'select' applies to json blobs only.");
        }
        if (command.customSelector() != null && type != BlobType.CONFIG) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER,
                    "Query parameter 'customSelector' applies to config blobs only.");
        }
        return DocumentView.STORED_BYTES;
    }
}
