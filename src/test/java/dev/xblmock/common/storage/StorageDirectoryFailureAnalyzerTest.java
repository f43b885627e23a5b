package dev.xblmock.common.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class StorageDirectoryFailureAnalyzerTest {

    @Test
    void aStorageDirectoryProblemDeepInABeanFailureIsReportedByItsMessage() {
        var cause = new StorageDirectoryException("xblmock.storage.dir /srv/x is not a directory.");
        var failure = new BeanCreationException("blobStore", "Failed to instantiate",
                new BeanCreationException("storageDirectory", "Failed to instantiate", cause));

        FailureAnalysis analysis = new StorageDirectoryFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).isEqualTo("xblmock.storage.dir /srv/x is not a directory.");
        assertThat(analysis.getAction()).contains("xblmock.storage.dir").contains("xblmock.storage.backend=memory");
        assertThat(analysis.getCause()).isSameAs(cause);
    }
}
