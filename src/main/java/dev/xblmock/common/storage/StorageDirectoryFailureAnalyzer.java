package dev.xblmock.common.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link StorageDirectoryException} at startup into a short "what is wrong, what to do" report. */
class StorageDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<StorageDirectoryException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StorageDirectoryException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the directory, point xblmock.storage.dir at another one, or use xblmock.storage.backend=memory.",
                cause);
    }
}
