package dev.xblmock.common.web;

import java.io.IOException;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An I/O failure of the storage directory becomes a 500 StorageUnavailable for the request. The cause, with
 * its absolute path and exception, goes to the log only: SPEC 1.4 keeps both out of problem details.
 */
public final class StorageFailures {

    private static final Logger log = LoggerFactory.getLogger(StorageFailures.class);

    private StorageFailures() {
    }

    /** @param action what failed, e.g. "write the staged upload" */
    public static XblException unavailable(String action, IOException cause) {
        log.error("storage directory failure: could not {}", action, cause);
        return XblException.of(ErrorCode.STORAGE_UNAVAILABLE,
                "The storage directory failed: could not %s; the server log has the cause.", action);
    }

    /**
     * A failure of the cluster backend's database or object store (a lost connection, a refused request) becomes
     * a 500 StorageUnavailable for the request; the cause goes to the log only.
     *
     * @param action what failed, e.g. "commit the blob"
     */
    public static XblException clusterUnavailable(String action, Exception cause) {
        log.error("cluster storage failure: could not {}", action, cause);
        return XblException.of(ErrorCode.STORAGE_UNAVAILABLE,
                "The cluster's database or object store failed: could not %s; the server log has the cause.", action);
    }
}
