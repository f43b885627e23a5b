package dev.xblmock.titlestorage.store;

/**
 * Another instance accepted the block this one was accepting (a client's retransmission that reached two
 * instances at once): nothing of this attempt stays; it is answered by the retransmission rules.
 */
public class UploadMovedOnException extends RuntimeException {

    public UploadMovedOnException(String sessionId) {
        super("upload session " + sessionId + " moved on", null, false, false);
    }
}
