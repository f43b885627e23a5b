package dev.xblmock.common.storage;

/**
 * The storage directory of the filesystem backend cannot be used (missing setting, not a directory, not
 * writable, in use, unknown format, damaged file). Thrown at startup; the message says what to fix.
 */
public class StorageDirectoryException extends RuntimeException {

    public StorageDirectoryException(String message) {
        super(message);
    }

    public StorageDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
