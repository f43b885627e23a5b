package dev.xblmock.cluster;

/** The cluster backend cannot start: a property is missing, or the database or the bucket cannot be used. */
public class ClusterStartupException extends RuntimeException {

    private final String action;

    public ClusterStartupException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** What to do about it, for the failure report. */
    public String action() {
        return action;
    }
}
