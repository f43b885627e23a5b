package dev.xblmock.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystemException;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import org.junit.jupiter.api.Test;

class StorageFailuresTest {

    @Test
    void theDetailNamesTheActionButNeitherThePathNorTheException() {
        var cause = new FileSystemException("/var/lib/xblmock/staging/0f3a.part", null, "Not a directory");

        XblException e = StorageFailures.unavailable("create a staging file", cause);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
        assertThat(e.detail()).isEqualTo("The storage directory failed: could not create a staging file; "
                + "the server log has the cause.");
    }
}
