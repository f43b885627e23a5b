package dev.xblmock.emulator.seed;

/** The startup seed ({@code xblmock.seed}) is invalid: the process must not start. */
public class InvalidSeedException extends RuntimeException {

    private final String seed;
    private final String reason;

    public InvalidSeedException(String seed, String reason) {
        super("Invalid seed " + seed + ": " + reason, null, false, false);
        this.seed = seed;
        this.reason = reason;
    }

    public String seed() {
        return seed;
    }

    public String reason() {
        return reason;
    }
}
